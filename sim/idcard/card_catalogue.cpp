#include "sim/idcard/card_catalogue.h"

namespace lobby::sim {
namespace {

// UTF-8 -> UTF-16LE code units (the catalogue's text is well-formed by construction).
std::vector<std::uint16_t> toUtf16(const std::string& utf8) {
    std::vector<std::uint16_t> units;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::uint32_t point = lead;
        std::size_t length = 1;
        if (lead >= 0xF0) {
            point = lead & 0x07;
            length = 4;
        } else if (lead >= 0xE0) {
            point = lead & 0x0F;
            length = 3;
        } else if (lead >= 0xC0) {
            point = lead & 0x1F;
            length = 2;
        }
        for (std::size_t k = 1; k < length; ++k) {
            point = (point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        }
        i += length;
        if (point >= 0x10000) {
            point -= 0x10000;
            units.push_back(static_cast<std::uint16_t>(0xD800 + (point >> 10)));
            units.push_back(static_cast<std::uint16_t>(0xDC00 + (point & 0x3FF)));
        } else {
            units.push_back(static_cast<std::uint16_t>(point));
        }
    }
    return units;
}

idcard::Bytes fakePhoto(std::uint8_t seed) {
    idcard::Bytes photo(1024);
    for (std::size_t i = 0; i < photo.size(); ++i) {
        photo[i] = static_cast<std::uint8_t>((i * 31 + seed) & 0xFF);
    }
    return photo;
}

idcard::Bytes resident(const std::string& name, const char* sex, const char* nation,
                       const char* birth, const std::string& address, const char* id,
                       const std::string& authority, const char* from, const std::string& to) {
    return buildTextBlock({{0, 30, name},
                           {30, 2, sex},
                           {32, 4, nation},
                           {36, 16, birth},
                           {52, 70, address},
                           {122, 36, id},
                           {158, 30, authority},
                           {188, 16, from},
                           {204, 16, to}},
                          ' ');
}

}  // namespace

idcard::Bytes buildTextBlock(const std::vector<TextField>& fields, char typeFlag) {
    idcard::Bytes text(256);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        text[i] = 0x20;
        text[i + 1] = 0x00;
    }
    for (const auto& field : fields) {
        const auto units = toUtf16(field.value);
        for (std::size_t k = 0; k < units.size() && 2 * k + 1 < field.length; ++k) {
            text[field.offset + 2 * k] = static_cast<std::uint8_t>(units[k] & 0xFF);
            text[field.offset + 2 * k + 1] = static_cast<std::uint8_t>(units[k] >> 8);
        }
    }
    text[248] = static_cast<std::uint8_t>(typeFlag);
    text[249] = 0;
    return text;
}

const std::vector<SimCard>& cardCatalogue() {
    static const std::vector<SimCard> cards = {
        {"resident-zhang", "resident card, long-term validity (GB 11643's own example number)",
         resident("张三丰", "2", "01", "19491231",
                  "北京市西城区复兴门外大街999号院11号楼3单元502室", "11010519491231002X",
                  "北京市公安局西城分局", "20150101", "长期"),
         fakePhoto(1)},
        {"resident-li", "resident card, female, Hui nation, valid to 2035",
         resident("李秀英", "2", "03", "19850615", "上海市浦东新区世纪大道100号",
                  "310115198506150022", "上海市公安局浦东分局", "20150610", "20350610"),
         fakePhoto(2)},
        {"resident-child",
         "a child's resident card (born 2016, valid five years): 张三丰's grandson",
         resident("张小明", "1", "01", "20160520",
                  "北京市西城区复兴门外大街999号院11号楼3单元502室", "110105201605200018",
                  "北京市公安局西城分局", "20230601", "20280601"),
         fakePhoto(3)},
        {"hmt-chen", "Hong Kong / Macau / Taiwan residence permit",
         buildTextBlock({{0, 30, "陈大文"},
                         {30, 2, "1"},
                         {36, 16, "19900101"},
                         {52, 70, "广东省深圳市福田区"},
                         {122, 36, "810000199001010019"},
                         {158, 30, "深圳市公安局"},
                         {188, 16, "20200101"},
                         {204, 16, "20300101"},
                         {220, 18, "H12345678"},
                         {238, 4, "01"}},
                        'J'),
         fakePhoto(3)},
        {"foreign-2017", "foreign permanent residence card, 2017 layout",
         buildTextBlock({{0, 120, "SMITH, JOHN"},
                         {120, 2, "1"},
                         {122, 30, "USA110080101001"},
                         {152, 6, "USA"},
                         {158, 30, "史密斯"},
                         {188, 16, "20180101"},
                         {204, 16, "20280101"},
                         {220, 16, "19800101"},
                         {236, 4, "02"},
                         {240, 8, "1500"}},
                        'I'),
         fakePhoto(4)},
        {"foreign-2023", "foreign permanent residence card, 2023 layout",
         buildTextBlock({{0, 70, "GARCIA MARTINEZ, MARIA"},
                         {70, 2, "2"},
                         {72, 36, "931156199203150023"},
                         {108, 6, "ESP"},
                         {114, 30, "玛丽亚"},
                         {144, 16, "20240101"},
                         {160, 16, "20340101"},
                         {176, 16, "19920315"},
                         {238, 4, "00"}},
                        'Y'),
         fakePhoto(5)},
        {"expired", "resident card that expired in 2020",
         resident("王五", "1", "01", "19700101", "天津市和平区南京路1号", "120101197001010018",
                  "天津市公安局和平分局", "20000101", "20200101"),
         fakePhoto(6)},
        {"bad-check-digit", "resident card whose ID number fails the check digit",
         resident("赵六", "1", "01", "19800101", "重庆市渝中区解放碑1号", "500103198001010011",
                  "重庆市公安局渝中分局", "20100101", "20300101"),
         fakePhoto(7)},
    };
    return cards;
}

const SimCard* findCard(const std::string& key) {
    for (const auto& card : cardCatalogue()) {
        if (card.key == key) return &card;
    }
    return nullptr;
}

}  // namespace lobby::sim
