#!/usr/bin/env python3
"""Fills i18n/lobby_zh_CN.ts from the glossary below after lupdate has added new strings.

Usage: i18n/fill_zh.py   (run `cmake --build build/dev --target update_translations` first)
The glossary is keyed by English source text; a string missing here stays unfinished and the
translations_complete test fails, naming it.
"""
import json
import pathlib
import xml.etree.ElementTree as ET

GLOSSARY = {
    "Place your ID card on the reader": "请将身份证放在读卡区",
    "Insert your medical-insurance card": "请插入医保卡",
    "Show your medical-insurance e-voucher QR code": "请出示医保电子凭证二维码",
    "The card readers are not working. Touch below to type your ID number.":
        "读卡器暂不可用，请点击下方按钮输入身份证号。",
    "Voice off": "关闭语音",
    "Voice on": "开启语音",
    "Turn voice guidance off": "关闭语音提示",
    "Turn voice guidance on": "开启语音提示",
    "Place your ID card, insert your social-security card, or show your e-voucher code.":
        "请放置身份证、插入社保卡，或出示医保电子凭证二维码。",
    "Please check your details on the screen, then confirm to create your patient record.":
        "请核对屏幕上的信息，确认后为您建立就诊档案。",
    "Please choose what you would like to do.": "请选择您要办理的业务。",
    "Choose the appointment to check in for.": "请选择要取号的预约。",
    "Choose a department.": "请选择科室。",
    "Choose a doctor.": "请选择医生。",
    "Choose a date and time.": "请选择就诊日期和时段。",
    "Check the booking, then choose how to pay.": "请核对预约信息，然后选择支付方式。",
    "Scan the QR code on the screen with your phone to pay.": "请用手机扫描屏幕上的二维码支付。",
    "Choose the booking to cancel.": "请选择要退的号。",
    "These are your bookings.": "以下是您的挂号记录。",
    "Done. Please take your slip.": "办理完成，请取走凭条。",
    "Sorry, that did not work. The screen says what to do next.": "抱歉，办理未成功，请按屏幕提示操作。",
    "Please take your card and your slip. Goodbye.": "请取走您的卡和凭条，再见。",
    "Create your patient record?": "为您建立就诊档案？",
    "This hospital has no record of you yet. Please check the details read from your card.":
        "本院尚无您的就诊档案，请核对从您的证件读取的信息。",
    "Name": "姓名",
    "ID number": "证件号码",
    "Yes, create my record": "确认建档",
    "No, cancel": "不，取消",
    "Maintenance": "维护菜单",
    "Technician PIN": "维护人员密码",
    "Enter the PIN": "请输入密码",
    "Erase": "删除",
    "Enter": "确定",
    "Print a test slip": "打印测试页",
    "Close the kiosk app": "退出自助机程序",
    "Back to service": "恢复服务",
    "Locked after too many wrong PINs; try again in %1 min": "密码错误次数过多，已锁定，请 %1 分钟后再试",
    "Wrong PIN; %1 tries left": "密码错误，还可尝试 %1 次",
    "Printing a test slip…": "正在打印测试页…",
    "The test slip was printed": "测试页已打印",
    "The test slip did not print": "测试页未能打印",
    "Self-service": "自助服务",
    "Place your ID card or medical-insurance card": "请放置身份证或医保卡",
    "Pick up a booked appointment, book and pay, cancel, or look up your bookings.":
        "预约取号、挂号缴费、退号退费、挂号查询",
    "ID": "身份证",
    "Resident ID card: place it on the reader": "居民身份证：请放在读卡区",
    "SSC": "社保卡",
    "Social-security card: insert it, chip first": "社保卡（医保卡）：芯片朝前插入",
    "QR": "扫码",
    "Medical-insurance e-voucher: show the QR code to the scanner": "医保电子凭证：请将二维码对准扫码口",
    "Touch here to start": "点击此处开始",
    "Are you still there?": "您还在吗？",
    "This session ends in %1 s.": "%1 秒后将自动退出",
    "Are you still there? Touch the screen to continue, or this session ends.":
        "您还在吗？如需继续办理，请点击屏幕，否则将自动退出。",
    "Home": "返回首页",
    "Delete": "删除",
    "Clear": "清空",
    "End this session and go back to the start": "结束本次办理，返回首页",
    "%1 s left": "剩余 %1 秒",
    "Continue": "继续办理",
    "Done": "办理完成",
    "Your request has been completed.": "您的业务已办理完成。",
    "Something else": "办理其他业务",
    "Finish": "结束",
    "Sorry, that did not work": "抱歉，办理未成功",
    "Please ask the staff at the service desk for help.": "请到服务台咨询工作人员。",
    "OK": "确定",
    "Please take your card and your slip": "请取走您的卡和凭条",
    "Thank you. We wish you good health.": "谢谢，祝您早日康复。",
    "The appointment service is not connected": "预约服务暂未连接",
    "The slip printer is not ready": "凭条打印机未就绪",
    "Not offered on this kiosk": "本机不提供此业务",
    "This kiosk serves patients from %1 to %2": "本机服务时间为 %1 至 %2",
    "unavailable": "暂不可用",
    "Unavailable: %1": "暂不可用：%1",
    "Identify yourself": "请验证身份",
    "Use one of these. Your details stay private.": "请任选一种方式，您的信息将被保密。",
    "Place your resident ID card on the reader below the screen": "请将居民身份证放在屏幕下方的读卡区",
    "Insert your social-security card into the slot, chip first": "请将社保卡芯片朝前插入卡槽",
    "Show your e-voucher or visit-card code to the scanner": "请将医保电子凭证或就诊卡条码对准扫码口",
    "Back": "返回",
    "Not available": "暂不可用",
    "This function is not available on this kiosk. Please ask the staff at the service desk.":
        "本机暂不提供此业务，请到服务台咨询工作人员。",
    "Pick up appointment": "预约取号",
    "Book an appointment": "预约挂号",
    "Register for today": "当日挂号",
    "Booking code": "预约码",
    "General clinic": "普通号",
    "No places left today": "今日号源已满",
    "General clinic (no named doctor)": "普通号（不指定医生）",
    "Named doctors (fee by title)": "专家号（按职称收费）",
    "Your doctor has stopped this session": "停诊通知：您预约的医生停诊",
    "Your fee goes back in full the way you paid, or moves with you to another time at no charge.":
        "挂号费可原路全额退回，也可免费改约到其他时间。",
    "Type the 8-digit booking code from your voucher or text message.": "请输入预约单或短信中的8位预约码。",
    "Type your booking code": "请输入预约码",
    "Type the 8 digits on your booking voucher or in the text message, then tap Continue.":
        "请输入预约单或短信中的8位预约码，然后点击“继续办理”。",
    "Show your e-voucher, visit-card code or booking voucher to the scanner":
        "请将医保电子凭证、就诊卡条码或预约单条码对准扫码口",
    "A booking code has 8 digits. You find it on your booking voucher or in the text message.":
        "预约码为8位数字，印在预约单上，也在预约短信中。",
    "Registered for today and checked in": "挂号成功，已签到",
    "Fee paid": "已付挂号费",
    "Tap a time today. The number shows the places left.": "请点选今天的就诊时段，数字为剩余号源。",
    "Check the details, then choose how to pay. You are checked in as soon as you have paid.":
        "请核对信息并选择支付方式，支付成功后自动签到取号。",
    "Registration for today. Choose a department.": "当日挂号，请选择科室。",
    "Choose a time today.": "请选择今天的就诊时段。",
    "Check the registration, then choose how to pay. You are checked in as soon as you have paid.":
        "请核对挂号信息并选择支付方式，支付成功后自动签到取号。",
    "This hospital does not register for the same day at the kiosk. You can book a later day.":
        "本院自助机不办理当日挂号，您可以预约以后日期的号源。",
    "Your registration is paid, but checking in did not go through. Your fee is safe: please ask at the service desk, who can check you in or refund it.":
        "挂号费已支付，但签到未成功。您的费用不会丢失，请到服务台办理签到或退费。",
    "Today's registration: morning until %1, afternoon until %2": "当日挂号：上午%1前，下午%2前",
    "Cancel and refund": "退号退费",
    "My bookings": "挂号查询",
    "Hello, %1": "您好，%1",
    "What would you like to do?": "请选择您要办理的业务",
    "Reading your card. Please keep it still.": "正在读卡，请勿移动卡片。",
    "The slip printer is out of paper": "凭条打印机缺纸",
    "The slip printer's cover is open": "凭条打印机盖未关好",
    "This social-security card has expired. Please use your ID card, or ask the staff at the service desk.":
        "您的社保卡已过有效期，请使用身份证，或到服务台咨询工作人员。",
    "This social-security card is blocked. Please contact your social-security office.":
        "您的社保卡已被锁定，请联系社保经办机构。",
    "This card cannot be used here. Please use your ID card, or ask the staff at the service desk.":
        "此卡无法在本机使用，请使用身份证，或到服务台咨询工作人员。",
    "The card could not be read. Please take it out and insert it again, chip first.":
        "读卡失败，请取出卡片后芯片朝前重新插入。",
    "Your code was read, but the appointment service is not connected. Please use your ID card.":
        "已识别您的二维码，但预约服务暂未连接，请使用身份证。",
    "This is a payment code. To identify yourself, use your ID card or e-voucher.":
        "这是付款码。请使用身份证或医保电子凭证验证身份。",
    "This ID card has expired. Please use a valid card, or ask the staff at the service desk.":
        "您的身份证已过有效期，请使用有效证件，或到服务台咨询工作人员。",
    "This card cannot be used here. Please use another card, or ask the staff at the service desk.":
        "此卡无法在本机使用，请更换其他证件，或到服务台咨询工作人员。",
    "The card could not be read. Please lift it, place it flat on the reader and hold it still.":
        "读卡失败，请拿起卡片后平放在读卡区并保持不动。",
    "The doctor has stopped this session": "医生已停诊",
    "Not paid yet": "尚未缴费",
    "Paid": "已缴费",
    "Picked up": "已取号",
    "Cancelled": "已取消",
    "Cancelled and refunded": "已退号，费用已退回",
    "Expired unpaid": "未缴费，已失效",
    "morning": "上午",
    "afternoon": "下午",
    "You are checked in": "取号成功",
    "Your queue number": "您的排队号",
    "Clinic room": "诊室",
    "Time": "时间",
    "Doctor": "医生",
    "Slip": "凭条",
    "Printed: please take it": "已打印，请取走凭条",
    "Not printed: show this screen or your ID card at the clinic":
        "未能打印：请在诊室出示本屏幕或身份证",
    "Choose the appointment to check in for. Your slip will be printed.":
        "请选择要取号的预约，取号后将打印凭条。",
    "You have no appointment today. You can book one from the menu.":
        "您今天没有预约，可返回菜单预约挂号。",
    "One moment, please…": "请稍候……",
    "Check in": "取号",
    "Please pay for it first at the service desk": "请先到服务台缴费",
    "The appointment service cannot be reached right now. Please try again later or ask at the service desk.":
        "暂时无法连接预约服务，请稍后再试，或到服务台咨询工作人员。",
    "The appointment service gave an answer we could not understand. Please ask at the service desk.":
        "预约服务返回了无法识别的结果，请到服务台咨询工作人员。",
    "en": "zh",

    "Choose a department": "选择科室",
    "Choose a doctor": "选择医生",
    "Choose a time": "选择时段",
    "Confirm and pay": "确认并支付",
    "Scan to pay": "扫码支付",
    "Tap a department. The letters filter by pinyin initials.": "请点击科室，可按拼音首字母筛选。",
    "Fees are per visit. Tap a doctor to see free times.": "挂号费按每次就诊收取。点击医生查看可约时段。",
    "The number shows how many places are left.": "数字为剩余号源数。",
    "Check the details, then choose how to pay.": "请核对信息，然后选择支付方式。",
    "Scan the code with your phone and pay. Keep this screen open.": "请用手机扫码支付，支付完成前请勿离开本页面。",
    "Cancel payment": "取消支付",
    "Back": "返回",
    "Booked and paid": "挂号成功，已支付",
    "When": "就诊时间",
    "Fee": "挂号费",
    "Paid by": "支付方式",
    "Voucher": "凭条",
    "Printed: please take it. On the day, check in here with your ID card.":
        "已打印，请取走。就诊当天请凭身份证在本机取号。",
    "Not printed: your booking is safe; check in here with your ID card.":
        "凭条未能打印，您的预约已成功，就诊当天请凭身份证在本机取号。",
    "The time to pay ran out and the slot was released. Nothing was charged; if you did pay, the money is refunded automatically.":
        "支付已超时，号源已释放，未扣费；如已付款，费用将自动原路退回。",
    "The payment did not go through and the slot was released. Nothing was charged.":
        "支付未成功，号源已释放，未扣费。",
    "WeChat Pay": "微信支付",
    "Alipay": "支付宝",
    "UnionPay": "银联云闪付",
    "Medical insurance": "医保支付",
    "Department": "科室",
    "All": "全部",
    "Next free: %1": "最近可约：%1",
    "Fully booked this week": "本周已约满",
    "Time left to pay: %1:%2": "剩余支付时间：%1:%2",
    "Fee: %1": "费用：%1",
    "%1 left": "剩余 %1",
    "Full": "已满",

    "Booking cancelled": "已退号",
    "Booking cancelled and fee refunded": "已退号，费用原路退回",
    "Refund": "退款金额",
    "Refunded to": "退款方式",
    "Back to the way you paid, usually within 1 to 3 working days": "原路退回，一般 1 至 3 个工作日到账",
    "Nothing was paid, so nothing is refunded": "该预约尚未缴费，无需退款",
    "Receipt": "退费凭条",
    "Not printed: the refund is recorded and goes ahead all the same": "凭条未能打印，退款已登记，将照常退回",
    "Booking": "预约",
    "You have no bookings from today on.": "您今天及以后没有预约。",
    "Bookings can be cancelled until midnight before the visit day. The fee goes back the way you paid.":
        "就诊日前一天 24:00 前可退号，费用原路退回。",
    "Your bookings from today on.": "您今天及以后的预约。",
    "Cancel": "退号",
    "Cancel this booking?": "确定退掉这个号吗？",
    "No, keep it": "不退，保留",
    "Yes, cancel it": "确定退号",

    "This code cannot be used to identify you here. Please use your ID card, your social-security card or your medical-insurance e-voucher.":
        "此码无法用于本机身份识别，请使用身份证、社保卡或医保电子凭证。",

    "Standard": "标准版",
    "Large text": "大字版",
    "Standard text size": "切换到标准字号",
    "Large text, fewer choices": "切换到关怀版：大字、每屏选项更少",

    "Book another time": "改约其他时间",
    "Cancel for a refund": "退号退款",

    "This kiosk cannot take bookings or payments right now. Nothing was charged. Please use the service desk.":
        "本机暂时无法办理挂号和缴费，未产生任何扣费，请到服务台办理。",
    "A slip from your earlier visit did not print then; it has just been printed. Please take it.":
        "您上次办理时未打印成功的凭条已补打，请取走。",

    "The time to pay ran out. Your booking is still there, unpaid. If you did pay, the payment goes to this booking; you can then check in.":
        "支付时间已到。您的预约仍保留，尚未缴费。如您已付款，款项将计入此预约，之后即可取号。",
    "The payment did not go through. Nothing was charged; your booking is still there.":
        "支付未成功，未扣任何费用，您的预约仍保留。",
    "Pay for your appointment": "预约缴费",
    "Scan the code with your phone and pay. You are checked in once it is paid.":
        "请用手机扫码支付，支付成功后自动为您取号。",
    "This appointment is not paid yet. Choose how to pay.": "此预约尚未缴费，请选择支付方式。",
    "Pay, then check in": "缴费并取号",
    "Stop paying": "暂不支付",
    "Type your ID number": "输入身份证号",
    "Type your ID number and the mobile number you gave the hospital, then tap Continue.": "请输入身份证号和您在医院登记的手机号，然后点“继续办理”。",
    "No card? Type your ID number": "没带卡？输入身份证号",
    "That ID number is not complete or not valid. It has 18 characters; the last may be X.": "身份证号不完整或有误。身份证号共18位，最后一位可能是X。",
    "Please type the 11-digit mobile number you gave the hospital.": "请输入您在医院登记的11位手机号。",
    "Type X, the last character of some ID numbers": "输入X（部分身份证号的最后一位）",
    "Mobile number the hospital has for you": "您在医院登记的手机号",
    "Mobile number": "手机号",
    "Where to go": "就诊位置",
    "Here you can: %1": "本机可办理：%1",
    ", ": "、",
    "This kiosk cannot serve patients right now.": "本机暂时无法办理业务。",
    "Not now: %1 (%2)": "暂不能办理：%1（%2）",
    "Choose a day, then tap a time. The number shows the places left.": "请先选日期，再点时段。数字为剩余号数。",
    "Confirm": "确认",
    "Pay": "支付",
    "Not printed: your booking is safe all the same": "凭条未打印，您的预约仍然有效",
    "On the day of your visit, check in at a self-service kiosk with your ID card.": "就诊当天请持身份证到自助机取号。",
    "Other": "其他",
    "The fee goes back the way you paid, usually within 1 to 3 working days. Nothing more to do.": "挂号费将原路退回，一般 1 至 3 个工作日到账，您无需再做什么。",
    "The doctor has stopped this session: the fee will be refunded in full, the way you paid": "医生停诊，挂号费将原路全额退回",
    "Today": "今天",
    "Tomorrow": "明天",
    "%1 goes back the way you paid, usually within 1 to 3 working days.": "%1 将原路退回，一般 1 至 3 个工作日到账。",
    "Not paid, so nothing is refunded.": "尚未缴费，无需退费。",
    ", chosen": "，已选中",
    "place your resident ID card on the reader": "将身份证放在读卡区",
    "insert your social-security card": "插入社保卡",
    "show your medical-insurance e-voucher": "出示医保电子凭证",
    "type your ID number and mobile number": "输入身份证号和手机号",
    "You can also:": "您还可以：",
    "Please take your card": "请取走您的卡",
    "Please take your slip": "请取走凭条",
    "Goodbye": "再见",
    "The hospital's booking system cannot be reached": "暂时连不上医院预约系统",
    "This kiosk cannot print now": "本机暂时无法打印凭条",
    "You can also be served at the service desk.": "您也可以到人工窗口办理。",
    "Large text and voice are on for you. Tap “Standard” at the top to switch back.": "已为您打开大字和语音。如需恢复，请点屏幕上方的“标准”。",
    "Booking moved": "改约成功",
    "New time": "新的就诊时间",
    "Already paid: it moved with your booking, nothing more to pay": "已缴费，随预约一起改约，无需再付",
    "No other doctor of this department has a free time for this booking. You can cancel it for a full refund instead.": "本科室暂无可改约的号源。您可以退号，挂号费全额退回。",
    "Move your booking to this time?": "改约到这个时间吗？",
    "Choose a new time": "请选择新的就诊时间",
    "Your fee is already paid and moves with the booking. Nothing more to pay.": "您已缴的挂号费随预约一起改约，无需再付。",
    "Choose a day, then tap a time.": "请先选日期，再点时段。",
    "Stopped: %1": "已停诊：%1",
    "(paid)": "（已缴）",
    "Was": "原预约",
    "Yes, move it": "确定改约",
    "‹ Previous page": "‹ 上一页",
    "Page %1 of %2": "第 %1/%2 页",
    "Next page ›": "下一页 ›",
    "Step %1 of %2: %3": "第 %1 步，共 %2 步：%3",
    "Cancel it": "退号",
    "Text size: large. Tap for standard": "当前为大字，点击切换到标准",
    "Text size: standard. Tap for large": "当前为标准字号，点击切换到大字",
    "Done.": "办理完成。",
    "Goodbye.": "再见。",
    "Please take your card and your slip.": "请取走您的卡和凭条。",
    "Please take your card.": "请取走您的卡。",
    "Please take your slip.": "请取走凭条。",
    "Printed: please take it": "已打印，请取走",
    "Department": "科室",
    "Doctor": "医生",
    "Time": "时段",
    "Other times of the same doctor:": "该医生的其他时间：",
    "Your mobile number": "您的手机号码",
    "Type your mobile number again": "请再次输入手机号码",
    "Type the code from the text message": "请输入短信验证码",
    "The hospital needs your mobile number for your record. Type the 11 digits, then tap Continue.":
        "建档需要您的手机号码。请输入11位手机号，然后点“继续办理”。",
    "Type the same number once more, so that no digit is wrong.": "请再输入一次同一个号码，以免输错。",
    "We sent a text message with a 6-digit code to your phone. Type the code, then tap Continue.":
        "我们已向您的手机发送6位短信验证码。请输入验证码，然后点“继续办理”。",
    "A mobile number has 11 digits and starts with 1. Please type it again.":
        "手机号码为1开头的11位数字，请重新输入。",
    "The two numbers are not the same. Please type your mobile number again.":
        "两次输入的号码不一致，请重新输入手机号码。",
    "Please type all the digits of the code in the text message.": "请输入短信中的全部验证码数字。",
    "Your mobile number, once more": "再次输入手机号码",
    "Code sent to %1": "验证码已发送至 %1",
    "Code from the text message": "短信验证码",
    "Send a new code (in %1 s)": "重新获取验证码（%1秒）",
    "Send a new code": "重新获取验证码",
    "Type your mobile number, then touch Continue.": "请输入您的手机号码，然后点“继续办理”。",
    "Please type the same mobile number once more.": "请再输入一次同一个手机号码。",
    "A text message with a code is on its way to your phone. Type the code.":
        "验证码短信正在发往您的手机，请输入验证码。",
    "For a family member": "为家人办理",
    "First choose how this family member is related to you, then place their card.":
        "请先选择这位家人与您的关系，再放置其身份证。",
    "Child": "子女",
    "Parent": "父母",
    "Spouse": "配偶",
    "Other family member": "其他亲属",
    "Myself: %1": "本人：%1",
    "Add a family member": "添加家人",
    "This family member is your:": "这位家人是您的：",
    "Now place your family member's ID card on the reader below the screen":
        "请将家人的身份证放在屏幕下方的读卡区",
    "Who is this visit for?": "这次为谁办理？",
    "Choose yourself or the family member you are here for. Their bookings and slips carry their name.":
        "请选择本人或您要代办的家人。预约和凭条上都是就诊人本人的姓名。",
    "Say how they are related to you, then place their own ID card on the reader.":
        "请选择家人与您的关系，然后将其本人身份证放在读卡区。",
    "Who is this visit for? Choose yourself or a family member.": "这次为谁办理？请选择本人或家人。",
    "Choose how they are related to you, then place their ID card on the reader.":
        "请选择家人与您的关系，然后放置其身份证。",
    "%1: %2": "%1：%2",
    "general clinic %1": "普通号 %1",
    "named doctors %1": "专家号 %1",
    "Fees: %1": "挂号费：%1",
    "; ": "；",
    "Patient": "就诊人",
    "This ID number is not valid. Please check it against the household register and type it again.":
        "身份证号码不正确，请对照户口簿核对后重新输入。",
    "From 16 a child has an ID card of their own: please place it on the reader instead.":
        "年满16周岁应使用本人身份证，请将其身份证放在读卡区。",
    "Male": "男",
    "Female": "女",
    "Type your child's ID number from the household register.": "请输入户口簿上孩子的身份证号码。",
    "Type the pinyin of your child's name, then touch its characters.":
        "请输入孩子姓名的拼音，然后点选对应的汉字。",
    "The child's ID number, from the household register": "孩子的身份证号码（见户口簿）",
    "Born %1 · %2": "出生日期 %1 · %2",
    "Type the pinyin of the name, then tap its characters.": "请输入姓名拼音，然后点选汉字。",
    "Type the pinyin of the next character, or tap Add when the name is right.":
        "请继续输入下一个字的拼音；姓名无误请点“添加”。",
    "‹ Previous": "‹ 上一页",
    "More ›": "下一页 ›",
    "Your child's ID number": "孩子的身份证号码",
    "Your child's name": "孩子的姓名",
    "A child without an ID card: type the 18 characters of their ID number from the household register, then tap Continue.":
        "孩子没有身份证：请输入户口簿上的18位身份证号码，然后点“继续办理”。",
    "Type your child's name as the household register writes it.": "请按户口簿上的写法输入孩子的姓名。",
    "Add my child": "添加",
    "My child has no ID card": "孩子没有身份证",
    "The payment did not go through. Nothing was charged; your bills are unpaid.":
        "支付未成功，未扣任何费用；您的单据仍未缴费。",
    "The time to pay ran out. Nothing was charged; your bills are unpaid.":
        "支付已超时，未扣任何费用；您的单据仍未缴费。",
    "You stopped paying. Nothing was charged; your bills are unpaid.":
        "您已停止支付，未扣任何费用；您的单据仍未缴费。",
    "The payment could not be finished just now. It will be put right automatically: what was taken pays your bills or goes back. Your slip will be printed at your next visit.":
        "本次缴费暂时未能完成，系统将自动处理：已扣的钱会用于缴费或原路退回。凭条将在您下次来时补打。",
    "This bill is paid on its own. The bills chosen before were set aside.":
        "这张单据需单独缴费，之前选中的单据已取消选择。",
    "That code was not accepted. Please refresh the payment code and show it again.":
        "付款码无效，请刷新付款码后重新出示。",
    "Your bills are paid": "缴费成功",
    "Receipt number": "收据号",
    "Total": "合计",
    "Insurance fund": "医保统筹",
    "Personal account": "个人账户",
    "You pay": "您需自付",
    "Balance left": "账户余额",
    "Printed: it says where to go for each bill": "已打印：凭条上写明每张单据去哪里",
    "Not printed: ask at the cashier with your receipt number": "未打印：请凭收据号到收费窗口",
    "What you pay": "费用明细",
    "Show your payment code": "请出示付款码",
    "Pay bills": "门诊缴费",
    "Print reports": "报告打印",
    "This kiosk cannot print reports now": "本机暂时无法打印报告",
    "Not ready yet, expected %1": "尚未出报告，预计 %1",
    "Already printed": "已打印",
    "Ready to print": "可打印",
    "Reports printed": "报告已打印",
    "Pages": "页数",
    "Printed": "已打印",
    "Please take your reports from the A4 printer's tray": "请从 A4 打印机出纸口取走您的报告",
    "Your report's file from the hospital cannot be printed. It has not been counted as printed: please ask at the service desk.": "医院发来的报告文件无法打印，本次不计打印次数，请到服务台咨询。",
    "The printer could not print your report. It has not been counted as printed: you can print it later, or ask at the service desk.": "打印机未能打印您的报告，本次不计打印次数，您可稍后再打印，或到服务台咨询。",
    "Some of your reports were printed; please take them. The printer could not print the rest, which have not been counted as printed: ask at the service desk.": "部分报告已打印，请取走。其余报告未能打印，不计打印次数，请到服务台咨询。",
    "Tap a report to choose it or set it aside, then tap Print.": "点报告可选中或取消，然后点“打印”。",
    "None of your reports can be printed now.": "您的报告暂时都不能打印。",
    "You have no reports.": "您没有报告。",
    "Printing report %1 of %2. Please wait by the A4 printer.": "正在打印第 %1 份，共 %2 份，请在 A4 打印机旁稍候。",
    "Print %1 report(s)": "打印 %1 份报告",
    "This is what each part pays. Choose how to pay your part.": "以下是各部分支付的金额。请选择您自付部分的支付方式。",
    "The insurance pays it all. Tap Confirm to settle.": "医保已全部支付，请点“确认”完成结算。",
    "Scan the code with your phone and pay.": "请用手机扫码支付。",
    "Open WeChat or Alipay, tap Pay, and hold the code under the scanner.":
        "请打开微信或支付宝的“付款码”，对准屏幕下方的扫码口。",
    "Open your medical insurance e-voucher and hold it under the scanner.":
        "请打开医保电子凭证，对准屏幕下方的扫码口。",
    "Use your medical insurance, or pay it all yourself.": "请选择医保结算，或全部自费。",
    "Tap a bill to choose it or set it aside, then tap Next.": "点单据可选中或取消，选好后点“下一步”。",
    "You have no unpaid bills.": "您没有待缴费的单据。",
    "Use my social security card": "用社保卡结算",
    "Scan my insurance e-voucher": "扫医保电子凭证",
    "Pay it all myself": "全部自费",
    "Amount to pay: %1": "应付金额：%1",
    "The scanner is below the screen.": "扫码口在屏幕下方。",
    "Not covered: %1 %2 (%3)": "医保不支付：%1 %2（%3）",
    "%1 seconds left": "剩余 %1 秒",
    "Next: pay %1": "下一步：缴费 %1",
    "Show a payment code": "出示付款码",
}

# The glossary's terms (i18n/glossary.json) win over the list above: one word for one thing.
glossary = json.loads(pathlib.Path(__file__).with_name("glossary.json").read_text())
GLOSSARY.update({term["en"]: term["zh"] for term in glossary["terms"]})

ts = pathlib.Path(__file__).with_name("lobby_zh_CN.ts")
tree = ET.parse(ts)
for message in tree.getroot().iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if source in GLOSSARY:
        translation.text = GLOSSARY[source]
        translation.attrib.pop("type", None)
ET.indent(tree)
tree.write(ts, encoding="utf-8", xml_declaration=True)
