#!/usr/bin/env python3
"""Writes the golden ID card text blocks in tests/idcard/golden from the published layout of the
resident ID card's 256-byte text block (UCS-2 little-endian, fields padded with spaces), typed in
here by hand from the layout table, not from sim/idcard's encoder, so that a mistake made in both
our encoder and our decoder shows. Run once; the .bin files are committed.

Resident card (居民身份证) and Hong Kong / Macau / Taiwan residence permit: name 30 bytes, sex 2,
nation 4, birth date 16, address 70, ID number 36, issuing authority 30, valid from 16, valid to 16
("长期" for long-term), then 36 reserved bytes; the permit puts its pass number (18) and issue
count (4) at 220 and the type flag 'J' at 248.
Foreign permanent residence card, 2017: English name 120, sex 2, permit number 30, nationality 6,
Chinese name 30, valid from 16, valid to 16, birth 16, version 4, authority code 8, type flag 'I'
at 248. 2023 card: English name 70, sex 2, ID number 36, nationality 6, Chinese name 30, valid
from 16, valid to 16, birth 16, more English name 46 (at 192), issue count 4 (at 238), type
flag 'Y' at 248.
Usage: make_golden.py OUTDIR"""
import pathlib
import sys


def block(fields, flag=None):
    text = bytearray(" ".encode("utf-16-le") * 128)
    for offset, length, value in fields:
        encoded = value.encode("utf-16-le")
        assert len(encoded) <= length, (value, length)
        text[offset:offset + len(encoded)] = encoded
    if flag is not None:
        text[248:250] = flag.encode("utf-16-le")
    assert len(text) == 256
    return bytes(text)


resident = block([
    (0, 30, "王建国"), (30, 2, "1"), (32, 4, "01"), (36, 16, "19850315"),
    (52, 70, "北京市海淀区中关村大街27号"), (122, 36, "110108198503150018"),
    (158, 30, "北京市公安局海淀分局"), (188, 16, "20160401"), (204, 16, "20360401"),
])
long_term = block([
    (0, 30, "欧阳秀兰"), (30, 2, "2"), (32, 4, "03"), (36, 16, "19560708"),
    (52, 70, "宁夏回族自治区银川市兴庆区解放东街1号"), (122, 36, "640104195607080020"),
    (158, 30, "银川市公安局兴庆区分局"), (188, 16, "20100101"), (204, 16, "长期"),
])
permit = block([
    (0, 30, "陳大文"), (30, 2, "1"), (36, 16, "19900101"), (52, 70, "广东省深圳市福田区"),
    (122, 36, "810000199001010019"), (158, 30, "深圳市公安局"), (188, 16, "20200101"),
    (204, 16, "20300101"), (220, 18, "H12345678"), (238, 4, "01"),
], flag="J")
foreign_2017 = block([
    (0, 120, "SMITH, JOHN"), (120, 2, "1"), (122, 30, "USA110080101001"), (152, 6, "USA"),
    (158, 30, "史密斯"), (188, 16, "20180101"), (204, 16, "20280101"), (220, 16, "19800101"),
    (236, 4, "02"), (240, 8, "1500"),
], flag="I")
foreign_2023 = block([
    (0, 70, "GARCIA MARTINEZ, MARIA"), (70, 2, "2"), (72, 36, "931156199203150023"),
    (108, 6, "ESP"), (114, 30, "玛丽亚"), (144, 16, "20240101"), (160, 16, "20340101"),
    (176, 16, "19920315"), (238, 4, "00"),
], flag="Y")

out = pathlib.Path(sys.argv[1])
for name, data in [("resident.bin", resident), ("resident-long-term.bin", long_term),
                   ("hmt-permit.bin", permit), ("foreign-2017.bin", foreign_2017),
                   ("foreign-2023.bin", foreign_2023)]:
    (out / name).write_bytes(data)
