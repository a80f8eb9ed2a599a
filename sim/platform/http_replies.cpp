#include "sim/platform/http_replies.h"

#include "sim/platform/dev_ca.h"

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>

namespace lobby::sim::http {

void sendError(httplib::Response& response, int status, const std::string& code,
               const std::string& zh, const std::string& en, bool retryable) {
    response.status = status;
    response.set_content(
        json{{"code", code}, {"message", {{"zh", zh}, {"en", en}}}, {"retryable", retryable}}
            .dump(),
        "application/json");
}

void sendJson(httplib::Response& response, const json& body, int status) {
    response.status = status;
    response.set_content(body.dump(), "application/json");
}

// The contract's refusals: HTTP status and the patient-facing words for each code.
void sendRefusal(httplib::Response& response, const Error& error) {
    struct Known {
        const char* code;
        int status;
        const char* zh;
        const char* en;
    };
    static constexpr Known kKnown[] = {
        {"patient_unknown", 404, "未找到您的就诊信息", "We have no record of you yet"},
        {"identity_invalid", 422, "证件号码有误", "This ID number is not valid"},
        {"token_unknown", 404, "无法识别该凭证，请使用身份证或社保卡",
         "This code does not name a patient; please use your ID card or social-security card"},
        {"identity_mismatch", 422, "证件号码与手机号不匹配，请核对或使用身份证",
         "The ID number and phone number do not match; please check them or use your ID card"},
        {"phone_invalid", 422, "请输入11位手机号码", "Please give an 11-digit mobile number"},
        {"sms_too_soon", 429, "验证码已发送，请{}秒后再重新获取",
         "A code was sent; you can ask for another in {} seconds"},
        {"sms_code_wrong", 422, "验证码不正确，还可以再试{}次",
         "That code is not right; {} tries left"},
        {"sms_code_exhausted", 422, "验证码错误次数过多，请重新获取验证码",
         "Too many wrong codes; please ask for a new code"},
        {"sms_code_expired", 422, "验证码已失效，请重新获取验证码",
         "This code is no longer valid; please ask for a new code"},
        {"dependant_self", 422, "不能将本人添加为家人",
         "You cannot add yourself as a family member"},
        {"relation_mismatch", 422, "证件上的出生日期与所选关系不符，请核对",
         "The birth dates on the cards do not fit that relation; please check"},
        {"id_card_required", 422, "年满{}周岁应使用本人身份证添加",
         "From {} a family member is added with their own ID card"},
        {"bill_not_payable", 409, "该账单已缴费或不存在，请刷新后重试",
         "This bill is paid already or unknown; please look again"},
        {"bills_not_combinable", 409, "所选账单不能一起缴费，请分开缴费",
         "These bills cannot be paid together; please pay them separately"},
        {"bill_locked", 409, "该账单正在缴费中，请稍后再试",
         "This bill is being paid; please try again later"},
        {"lock_not_held", 409, "账单锁定已失效，请重新选择账单",
         "The bills are no longer held; please choose them again"},
        {"bill_changed", 409, "医生修改了账单，请重新选择账单",
         "The doctor changed a bill; please choose your bills again"},
        {"report_not_ready", 409, "报告尚未出具，请稍后再来打印",
         "The report is not ready yet; please come back later"},
        {"no_prints_left", 409, "该报告已打印，如需补打请到服务台",
         "This report was printed already; ask at the service desk for another copy"},
        {"presettlement_expired", 409, "医保预结算已过期，请重新结算",
         "The insurance price expired; please price again"},
        {"split_changed", 409, "医保结算金额有变化，请重新确认",
         "The insurance split has changed; please check it again"},
        {"message_reversed", 409, "该医保交易已冲正", "This insurance request was reversed"},
        {"already_settled", 409, "该账单已完成医保结算", "These bills are settled already"},
        {"not_insured", 422, "未查询到您的医保参保信息，请选择自费缴费",
         "No medical insurance on record; please pay yourself"},
        {"insurance_credential_unknown", 422, "无法识别该医保凭证，请重新刷卡或扫码",
         "This insurance card or code is not recognised; please try again"},
        {"insurance_credential_mismatch", 422, "医保凭证与就诊人不符",
         "This insurance card or code is not the patient's"},
        {"card_frozen", 422, "您的医保账户已冻结，请到人工窗口办理",
         "Your medical insurance is frozen; please go to a staffed window"},
        {"not_insured_here", 422, "异地参保暂不支持在自助机结算，请到人工窗口办理",
         "Insurance from another city is settled at a staffed window"},
        {"payment_code_invalid", 422, "无法识别该付款码，请出示微信或支付宝付款码",
         "This is not a WeChat or Alipay payment code"},
        {"payment_code_used", 409, "该付款码已使用，请刷新付款码后再试",
         "This payment code was used already; please refresh it and try again"},
        {"payment_in_progress", 409, "该账单正在支付中", "A payment for these bills is under way"},
        {"nothing_to_pay", 409, "医保已全额支付，无需再付款", "The insurance pays it all"},
        {"cash_not_paid", 409, "自付部分尚未支付", "The part you pay is not paid yet"},
        {"not_settled", 409, "医保结算未完成", "The insurance settlement is not in force"},
        {"bills_saved", 409, "账单已缴费，如需退费请到人工窗口",
         "These bills are paid; refunds at a staffed window"},
        {"too_many_dependants", 409, "每人最多添加{}位家人", "At most {} family members each"},
        {"no_slots_left", 409, "该时段已约满", "This time slot is fully booked"},
        {"limit_per_doctor", 409, "同一医生每天最多预约{}次", "At most {} per doctor per day"},
        {"limit_per_day", 409, "每天最多预约{}个号", "At most {} bookings a day"},
        {"outside_booking_window", 409, "只能预约{}天内的号源", "Bookings open {} days ahead"},
        {"registration_closed", 409, "该时段当日挂号已于{}截止，请选择其他时段或预约以后的号源",
         "Same-day registration for this half day closed at {}; choose another time or book a "
         "later day"},
        {"slice_over", 409, "该时段已过（{}结束），请选择其他时段",
         "This time slot ended at {}; please choose another"},
        {"session_stopped", 409, "医生停诊", "The doctor does not hold this session"},
        {"idempotency_conflict", 409, "请求重复且内容不同",
         "Repeated request with different content"},
        {"not_found", 404, "未找到", "Not found"},
        {"hold_expired", 409, "未在{}分钟内支付，号源已释放",
         "The {}-minute hold lapsed; the slot was released"},
        {"not_paid", 409, "该预约尚未支付", "This booking is not paid yet"},
        {"outside_pickup_window", 409, "请在就诊当天{}前取号，现不在取号时间内，请到人工窗口咨询",
         "Pick up on the day of your visit before {}; please ask at the service desk"},
        {"invalid_request", 400, "请求无效", "Invalid request"},
        {"blacklisted", 403, "因多次预约未就诊，{}前暂停预约，请到人工窗口咨询",
         "Booking is paused until {} after repeated missed appointments; please ask at the "
         "service desk"},
        {"too_many_bookings", 403, "{}天内已挂号{}次，达到本院上限，{}前暂停预约，请到人工窗口咨询",
         "{} days' bookings reached this hospital's limit of {}; booking is paused until {}. "
         "Please ask at the service desk"},
        {"not_cancellable", 409, "该预约已取号、已退号或已失效，不能再退号",
         "This booking can no longer be cancelled (it is {})"},
        {"not_movable", 409, "只有已支付且医生停诊的预约可以改约",
         "Only a paid booking whose doctor stopped the session can be moved (it is {})"},
        {"fee_differs", 409, "只能改约到挂号费相同的医生",
         "A booking moves only to a doctor of the same fee"},
        {"other_department", 409, "只能改约到同一科室",
         "A booking moves only within its department"},
        {"cancel_deadline_passed", 409, "就诊前一天24:00后不能退号",
         "Cancellation closed at midnight before the visit"},
    };
    // Each "{}" in the words stands for the next '|'-separated part of the store's detail (e.g.
    // the day booking reopens; a limit and its period).
    const auto withDetail = [&](std::string words) {
        std::size_t from = 0, at = 0;
        while ((at = words.find("{}", at)) != std::string::npos) {
            const std::size_t bar = error.message.find('|', from);
            const std::string part = error.message.substr(
                from, bar == std::string::npos ? std::string::npos : bar - from);
            words.replace(at, 2, part);
            at += part.size();
            from = bar == std::string::npos ? error.message.size() : bar + 1;
        }
        return words;
    };
    for (const auto& known : kKnown) {
        if (error.code == known.code) {
            return sendError(response, known.status, known.code, withDetail(known.zh),
                             withDetail(known.en));
        }
    }
    sendError(response, 503, "unavailable", "服务暂时不可用", "Service unavailable", true);
}

namespace {

// How deep arrays and objects nest in `text`, strings skipped; stops counting past `limit`.
int nestingDepth(const std::string& text, int limit) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

// The contract's bodies nest three levels at most; a request nesting deeper is refused before
// a parser recurses into it.
constexpr int kMaxNesting = 16;

}  // namespace

std::optional<json> parseBody(const httplib::Request& request, httplib::Response& response,
                              std::initializer_list<const char*> required) {
    if (nestingDepth(request.body, kMaxNesting) > kMaxNesting) {
        sendError(response, 400, "invalid_request", "请求格式错误",
                  "The request nests deeper than 16 levels");
        return std::nullopt;
    }
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        sendError(response, 400, "invalid_request", "请求格式错误",
                  "The request is not a JSON object");
        return std::nullopt;
    }
    for (const char* field : required) {
        if (!body.contains(field) || !body[field].is_string() ||
            body[field].get<std::string>().empty()) {
            sendError(response, 400, "invalid_request", "请求缺少必要信息",
                      "A required field is missing or not a string");
            return std::nullopt;
        }
    }
    return body;
}

std::optional<std::string> idempotencyKey(const httplib::Request& request,
                                          httplib::Response& response) {
    std::string key = request.get_header_value("Idempotency-Key");
    if (key.empty()) {
        sendError(response, 400, "invalid_request", "缺少幂等键", "Idempotency-Key is required");
        return std::nullopt;
    }
    return key;
}

// The terminal's id: the CN of the client certificate it authenticated with.
std::string peerCommonName(const httplib::Request& request) {
    if (request.ssl == nullptr) return "";
    X509* certificate = SSL_get1_peer_certificate(request.ssl);
    if (certificate == nullptr) return "";
    char name[256] = {};
    const int length = X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName,
                                                 name, sizeof name);
    X509_free(certificate);
    return length > 0 ? std::string(name, static_cast<std::size_t>(length)) : "";
}

bool peerIsAdmin(const httplib::Request& request) {
    if (request.ssl == nullptr) return false;
    X509* certificate = SSL_get1_peer_certificate(request.ssl);
    if (certificate == nullptr) return false;
    auto* usages = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(certificate, NID_ext_key_usage, nullptr, nullptr));
    ASN1_OBJECT* admin = OBJ_txt2obj(kAdminKeyUsageOid, 1);
    bool found = false;
    for (int i = 0; usages != nullptr && admin != nullptr && i < sk_ASN1_OBJECT_num(usages); ++i)
        found = found || OBJ_cmp(sk_ASN1_OBJECT_value(usages, i), admin) == 0;
    ASN1_OBJECT_free(admin);
    EXTENDED_KEY_USAGE_free(usages);
    X509_free(certificate);
    return found;
}

}  // namespace lobby::sim::http
