<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AttractScreen</name>
    <message>
      <source>Self-service</source>
      <translation>自助服务</translation>
    </message>
    <message>
      <source>Place your ID card or medical-insurance card</source>
      <translation>请放置身份证或医保卡</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>身份证</translation>
    </message>
    <message>
      <source>Resident ID card: place it on the reader</source>
      <translation>居民身份证：请放在读卡区</translation>
    </message>
    <message>
      <source>SSC</source>
      <translation>社保卡</translation>
    </message>
    <message>
      <source>Social-security card: insert it, chip first</source>
      <translation>社保卡（医保卡）：芯片朝前插入</translation>
    </message>
    <message>
      <source>QR</source>
      <translation>扫码</translation>
    </message>
    <message>
      <source>Medical-insurance e-voucher: show the QR code to the scanner</source>
      <translation>医保电子凭证：请将二维码对准扫码口</translation>
    </message>
    <message>
      <source>Touch here to start</source>
      <translation>点击此处开始</translation>
    </message>
    <message>
      <source>The card readers are not working. Touch below to type your ID number.</source>
      <translation>读卡器暂不可用，请点击下方按钮输入身份证号。</translation>
    </message>
    <message>
      <source>Place your ID card on the reader</source>
      <translation>请将身份证放在读卡区</translation>
    </message>
    <message>
      <source>Insert your medical-insurance card</source>
      <translation>请插入医保卡</translation>
    </message>
    <message>
      <source>Show your medical-insurance e-voucher QR code</source>
      <translation>请出示医保电子凭证二维码</translation>
    </message>
    <message>
      <source>Here you can: %1</source>
      <translation>本机可办理：%1</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>This kiosk cannot serve patients right now.</source>
      <translation>本机暂时无法办理业务。</translation>
    </message>
    <message>
      <source>Not now: %1 (%2)</source>
      <translation>暂不能办理：%1（%2）</translation>
    </message>
    <message>
      <source>Paused: this kiosk is being updated. Please wait a few minutes.</source>
      <translation>暂停服务，正在更新，请稍候几分钟</translation>
    </message>
  </context>
  <context>
    <name>BillsFlow</name>
    <message>
      <source>The payment did not go through. Nothing was charged; your bills are unpaid.</source>
      <translation>支付未成功，未扣任何费用；您的单据仍未缴费。</translation>
    </message>
    <message>
      <source>The time to pay ran out. Nothing was charged; your bills are unpaid.</source>
      <translation>支付已超时，未扣任何费用；您的单据仍未缴费。</translation>
    </message>
    <message>
      <source>You stopped paying. Nothing was charged; your bills are unpaid.</source>
      <translation>您已停止支付，未扣任何费用；您的单据仍未缴费。</translation>
    </message>
    <message>
      <source>The payment could not be finished just now. It will be put right automatically: what was taken pays your bills or goes back. Your slip will be printed at your next visit.</source>
      <translation>本次缴费暂时未能完成，系统将自动处理：已扣的钱会用于缴费或原路退回。凭条将在您下次来时补打。</translation>
    </message>
    <message>
      <source>This bill is paid on its own. The bills chosen before were set aside.</source>
      <translation>这张单据需单独缴费，之前选中的单据已取消选择。</translation>
    </message>
    <message>
      <source>That code was not accepted. Please refresh the payment code and show it again.</source>
      <translation>付款码无效，请刷新付款码后重新出示。</translation>
    </message>
    <message>
      <source>Your bills are paid</source>
      <translation>缴费成功</translation>
    </message>
    <message>
      <source>Receipt number</source>
      <translation>收据号</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Insurance fund</source>
      <translation>医保统筹</translation>
    </message>
    <message>
      <source>Personal account</source>
      <translation>个人账户</translation>
    </message>
    <message>
      <source>You pay</source>
      <translation>您需自付</translation>
    </message>
    <message>
      <source>Balance left</source>
      <translation>账户余额</translation>
    </message>
    <message>
      <source>Slip</source>
      <translation>凭条</translation>
    </message>
    <message>
      <source>Printed: it says where to go for each bill</source>
      <translation>已打印：凭条上写明每张单据去哪里</translation>
    </message>
    <message>
      <source>Not printed: ask at the cashier with your receipt number</source>
      <translation>未打印：请凭收据号到收费窗口</translation>
    </message>
  </context>
  <context>
    <name>BillsScreen</name>
    <message>
      <source>What you pay</source>
      <translation>费用明细</translation>
    </message>
    <message>
      <source>Scan to pay</source>
      <translation>扫码支付</translation>
    </message>
    <message>
      <source>Show your payment code</source>
      <translation>请出示付款码</translation>
    </message>
    <message>
      <source>Medical insurance</source>
      <translation>医保支付</translation>
    </message>
    <message>
      <source>Pay bills</source>
      <translation>门诊缴费</translation>
    </message>
    <message>
      <source>This is what each part pays. Choose how to pay your part.</source>
      <translation>以下是各部分支付的金额。请选择您自付部分的支付方式。</translation>
    </message>
    <message>
      <source>The insurance pays it all. Tap Confirm to settle.</source>
      <translation>医保已全部支付，请点“确认”完成结算。</translation>
    </message>
    <message>
      <source>Scan the code with your phone and pay.</source>
      <translation>请用手机扫码支付。</translation>
    </message>
    <message>
      <source>Open WeChat or Alipay, tap Pay, and hold the code under the scanner.</source>
      <translation>请打开微信或支付宝的“付款码”，对准屏幕下方的扫码口。</translation>
    </message>
    <message>
      <source>Open your medical insurance e-voucher and hold it under the scanner.</source>
      <translation>请打开医保电子凭证，对准屏幕下方的扫码口。</translation>
    </message>
    <message>
      <source>Use your medical insurance, or pay it all yourself.</source>
      <translation>请选择医保结算，或全部自费。</translation>
    </message>
    <message>
      <source>Tap a bill to choose it or set it aside, then tap Next.</source>
      <translation>点单据可选中或取消，选好后点“下一步”。</translation>
    </message>
    <message>
      <source>You have no unpaid bills.</source>
      <translation>您没有待缴费的单据。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Use my social security card</source>
      <translation>用社保卡结算</translation>
    </message>
    <message>
      <source>Scan my insurance e-voucher</source>
      <translation>扫医保电子凭证</translation>
    </message>
    <message>
      <source>Pay it all myself</source>
      <translation>全部自费</translation>
    </message>
    <message>
      <source>Amount to pay: %1</source>
      <translation>应付金额：%1</translation>
    </message>
    <message>
      <source>The scanner is below the screen.</source>
      <translation>扫码口在屏幕下方。</translation>
    </message>
    <message>
      <source>Not covered: %1 %2 (%3)</source>
      <translation>医保不支付：%1 %2（%3）</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>%1 seconds left</source>
      <translation>剩余 %1 秒</translation>
    </message>
    <message>
      <source>Stop paying</source>
      <translation>暂不支付</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Next: pay %1</source>
      <translation>下一步：缴费 %1</translation>
    </message>
  </context>
  <context>
    <name>BookScreen</name>
    <message>
      <source>Choose a department</source>
      <translation>选择科室</translation>
    </message>
    <message>
      <source>Choose a doctor</source>
      <translation>选择医生</translation>
    </message>
    <message>
      <source>Choose a time</source>
      <translation>选择时段</translation>
    </message>
    <message>
      <source>Confirm and pay</source>
      <translation>确认并支付</translation>
    </message>
    <message>
      <source>Scan to pay</source>
      <translation>扫码支付</translation>
    </message>
    <message>
      <source>Tap a department. The letters filter by pinyin initials.</source>
      <translation>请点击科室，可按拼音首字母筛选。</translation>
    </message>
    <message>
      <source>Fees are per visit. Tap a doctor to see free times.</source>
      <translation>挂号费按每次就诊收取。点击医生查看可约时段。</translation>
    </message>
    <message>
      <source>Check the details, then choose how to pay.</source>
      <translation>请核对信息，然后选择支付方式。</translation>
    </message>
    <message>
      <source>Scan the code with your phone and pay. Keep this screen open.</source>
      <translation>请用手机扫码支付，支付完成前请勿离开本页面。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Cancel payment</source>
      <translation>取消支付</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Choose a day, then tap a time. The number shows the places left.</source>
      <translation>请先选日期，再点时段。数字为剩余号数。</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时段</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Pay</source>
      <translation>支付</translation>
    </message>
    <message>
      <source>Tap a time today. The number shows the places left.</source>
      <translation>请点选今天的就诊时段，数字为剩余号源。</translation>
    </message>
    <message>
      <source>Check the details, then choose how to pay. You are checked in as soon as you have paid.</source>
      <translation>请核对信息并选择支付方式，支付成功后自动签到取号。</translation>
    </message>
  </context>
  <context>
    <name>BookingCodePanel</name>
    <message>
      <source>Booking code</source>
      <translation>预约码</translation>
    </message>
  </context>
  <context>
    <name>BookingFlow</name>
    <message>
      <source>Booked and paid</source>
      <translation>挂号成功，已支付</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>When</source>
      <translation>就诊时间</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>挂号费</translation>
    </message>
    <message>
      <source>Paid by</source>
      <translation>支付方式</translation>
    </message>
    <message>
      <source>The time to pay ran out and the slot was released. Nothing was charged; if you did pay, the money is refunded automatically.</source>
      <translation>支付已超时，号源已释放，未扣费；如已付款，费用将自动原路退回。</translation>
    </message>
    <message>
      <source>The payment did not go through and the slot was released. Nothing was charged.</source>
      <translation>支付未成功，号源已释放，未扣费。</translation>
    </message>
    <message>
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <source>UnionPay</source>
      <translation>银联云闪付</translation>
    </message>
    <message>
      <source>Medical insurance</source>
      <translation>医保支付</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>This hospital does not register for the same day at the kiosk. You can book a later day.</source>
      <translation>本院自助机不办理当日挂号，您可以预约以后日期的号源。</translation>
    </message>
    <message>
      <source>Your registration is paid, but checking in did not go through. Your fee is safe: please ask at the service desk, who can check you in or refund it.</source>
      <translation>挂号费已支付，但签到未成功。您的费用不会丢失，请到服务台办理签到或退费。</translation>
    </message>
    <message>
      <source>Today's registration: morning until %1, afternoon until %2</source>
      <translation>当日挂号：上午%1前，下午%2前</translation>
    </message>
    <message>
      <source>General clinic</source>
      <translation>普通号</translation>
    </message>
  </context>
  <context>
    <name>BookingListFlow</name>
    <message>
      <source>Booking cancelled</source>
      <translation>已退号</translation>
    </message>
    <message>
      <source>Booking cancelled and fee refunded</source>
      <translation>已退号，费用原路退回</translation>
    </message>
    <message>
      <source>Refund</source>
      <translation>退款金额</translation>
    </message>
    <message>
      <source>Nothing was paid, so nothing is refunded</source>
      <translation>该预约尚未缴费，无需退款</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>退费凭条</translation>
    </message>
    <message>
      <source>Printed: please take it</source>
      <translation>已打印，请取走</translation>
    </message>
    <message>
      <source>Not printed: the refund is recorded and goes ahead all the same</source>
      <translation>凭条未能打印，退款已登记，将照常退回</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>预约</translation>
    </message>
    <message>
      <source>The fee goes back the way you paid, usually within 1 to 3 working days. Nothing more to do.</source>
      <translation>挂号费将原路退回，一般 1 至 3 个工作日到账，您无需再做什么。</translation>
    </message>
  </context>
  <context>
    <name>BookingListScreen</name>
    <message>
      <source>Cancel and refund</source>
      <translation>退号退费</translation>
    </message>
    <message>
      <source>My bookings</source>
      <translation>挂号查询</translation>
    </message>
    <message>
      <source>You have no bookings from today on.</source>
      <translation>您今天及以后没有预约。</translation>
    </message>
    <message>
      <source>Bookings can be cancelled until midnight before the visit day. The fee goes back the way you paid.</source>
      <translation>就诊日前一天 24:00 前可退号，费用原路退回。</translation>
    </message>
    <message>
      <source>Your bookings from today on.</source>
      <translation>您今天及以后的预约。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>退号</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
  </context>
  <context>
    <name>BookingView</name>
    <message>
      <source>The doctor has stopped this session</source>
      <translation>医生已停诊</translation>
    </message>
    <message>
      <source>Not paid yet</source>
      <translation>尚未缴费</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>已缴费</translation>
    </message>
    <message>
      <source>Picked up</source>
      <translation>已取号</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Cancelled and refunded</source>
      <translation>已退号，费用已退回</translation>
    </message>
    <message>
      <source>Expired unpaid</source>
      <translation>未缴费，已失效</translation>
    </message>
    <message>
      <source>morning</source>
      <translation>上午</translation>
    </message>
    <message>
      <source>afternoon</source>
      <translation>下午</translation>
    </message>
    <message>
      <source>The doctor has stopped this session: the fee will be refunded in full, the way you paid</source>
      <translation>医生停诊，挂号费将原路全额退回</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Tomorrow</source>
      <translation>明天</translation>
    </message>
    <message>
      <source>Voucher</source>
      <translation>预约凭条</translation>
    </message>
    <message>
      <source>Printed: please take it</source>
      <translation>已打印，请取走</translation>
    </message>
    <message>
      <source>Not printed: your booking is safe all the same</source>
      <translation>凭条未打印，您的预约仍然有效</translation>
    </message>
    <message>
      <source>On the day of your visit, check in at a self-service kiosk with your ID card.</source>
      <translation>就诊当天请持身份证到自助机取号。</translation>
    </message>
    <message>
      <source>general clinic %1</source>
      <translation>普通号 %1</translation>
    </message>
    <message>
      <source>named doctors %1</source>
      <translation>专家号 %1</translation>
    </message>
    <message>
      <source>Fees: %1</source>
      <translation>挂号费：%1</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
  </context>
  <context>
    <name>ChildNamePanel</name>
    <message>
      <source>Born %1 · %2</source>
      <translation>出生日期 %1 · %2</translation>
    </message>
    <message>
      <source>Type the pinyin of the name, then tap its characters.</source>
      <translation>请输入姓名拼音，然后点选汉字。</translation>
    </message>
    <message>
      <source>Type the pinyin of the next character, or tap Add when the name is right.</source>
      <translation>请继续输入下一个字的拼音；姓名无误请点“添加”。</translation>
    </message>
    <message>
      <source>‹ Previous</source>
      <translation>‹ 上一页</translation>
    </message>
    <message>
      <source>More ›</source>
      <translation>下一页 ›</translation>
    </message>
  </context>
  <context>
    <name>ChildNumberPanel</name>
    <message>
      <source>The child's ID number, from the household register</source>
      <translation>孩子的身份证号码（见户口簿）</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
  </context>
  <context>
    <name>ConfirmPanel</name>
    <message>
      <source>Cancel this booking?</source>
      <translation>确定退掉这个号吗？</translation>
    </message>
    <message>
      <source>No, keep it</source>
      <translation>不退，保留预约</translation>
    </message>
    <message>
      <source>Yes, cancel it</source>
      <translation>确定退号</translation>
    </message>
    <message>
      <source>%1 goes back the way you paid, usually within 1 to 3 working days.</source>
      <translation>%1 将原路退回，一般 1 至 3 个工作日到账。</translation>
    </message>
    <message>
      <source>Not paid, so nothing is refunded.</source>
      <translation>尚未缴费，无需退费。</translation>
    </message>
  </context>
  <context>
    <name>ConfirmStep</name>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>When</source>
      <translation>就诊时间</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>挂号费</translation>
    </message>
  </context>
  <context>
    <name>CountdownOverlay</name>
    <message>
      <source>Are you still there?</source>
      <translation>您还在吗？</translation>
    </message>
    <message>
      <source>This session ends in %1 s.</source>
      <translation>%1 秒后将自动退出</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续办理</translation>
    </message>
  </context>
  <context>
    <name>DayTabs</name>
    <message>
      <source>, chosen</source>
      <translation>，已选中</translation>
    </message>
  </context>
  <context>
    <name>DepartmentStep</name>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
  </context>
  <context>
    <name>DeviceHub</name>
    <message>
      <source>This is a payment code. To identify yourself, use your ID card or e-voucher.</source>
      <translation>这是付款码。请使用身份证或医保电子凭证验证身份。</translation>
    </message>
  </context>
  <context>
    <name>DigitKeypad</name>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <source>Type X, the last character of some ID numbers</source>
      <translation>输入X（部分身份证号的最后一位）</translation>
    </message>
  </context>
  <context>
    <name>DoctorStep</name>
    <message>
      <source>Next free: %1</source>
      <translation>最近可约：%1</translation>
    </message>
    <message>
      <source>Fully booked this week</source>
      <translation>本周已约满</translation>
    </message>
    <message>
      <source>No places left today</source>
      <translation>今日号源已满</translation>
    </message>
    <message>
      <source>General clinic (no named doctor)</source>
      <translation>普通号（不指定医生）</translation>
    </message>
    <message>
      <source>General clinic</source>
      <translation>普通号</translation>
    </message>
    <message>
      <source>Named doctors (fee by title)</source>
      <translation>专家号（按职称收费）</translation>
    </message>
  </context>
  <context>
    <name>DoneScreen</name>
    <message>
      <source>Done</source>
      <translation>办理完成</translation>
    </message>
    <message>
      <source>Your request has been completed.</source>
      <translation>您的业务已办理完成。</translation>
    </message>
    <message>
      <source>Something else</source>
      <translation>办理其他业务</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>结束办理</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>就诊人</translation>
    </message>
  </context>
  <context>
    <name>ErrorScreen</name>
    <message>
      <source>Sorry, that did not work</source>
      <translation>抱歉，办理未成功</translation>
    </message>
    <message>
      <source>Please ask the staff at the service desk for help.</source>
      <translation>请到服务台咨询工作人员。</translation>
    </message>
    <message>
      <source>place your resident ID card on the reader</source>
      <translation>将身份证放在读卡区</translation>
    </message>
    <message>
      <source>insert your social-security card</source>
      <translation>插入社保卡</translation>
    </message>
    <message>
      <source>show your medical-insurance e-voucher</source>
      <translation>出示医保电子凭证</translation>
    </message>
    <message>
      <source>type your ID number and mobile number</source>
      <translation>输入身份证号和手机号</translation>
    </message>
    <message>
      <source>You can also:</source>
      <translation>您还可以：</translation>
    </message>
    <message>
      <source>Back to the menu</source>
      <translation>返回菜单</translation>
    </message>
    <message>
      <source>Try another way</source>
      <translation>换一种方式</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>结束办理</translation>
    </message>
  </context>
  <context>
    <name>FamilyButton</name>
    <message>
      <source>For a family member</source>
      <translation>为家人办理</translation>
    </message>
  </context>
  <context>
    <name>FamilyChooser</name>
    <message>
      <source>First choose how this family member is related to you, then place their card.</source>
      <translation>请先选择这位家人与您的关系，再放置其身份证。</translation>
    </message>
    <message>
      <source>Child</source>
      <translation>子女</translation>
    </message>
    <message>
      <source>Parent</source>
      <translation>父母</translation>
    </message>
    <message>
      <source>Spouse</source>
      <translation>配偶</translation>
    </message>
    <message>
      <source>Other family member</source>
      <translation>其他亲属</translation>
    </message>
    <message>
      <source>This ID number is not valid. Please check it against the household register and type it again.</source>
      <translation>身份证号码不正确，请对照户口簿核对后重新输入。</translation>
    </message>
    <message>
      <source>From 16 a child has an ID card of their own: please place it on the reader instead.</source>
      <translation>年满16周岁应使用本人身份证，请将其身份证放在读卡区。</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
  </context>
  <context>
    <name>FamilyPanel</name>
    <message>
      <source>Myself: %1</source>
      <translation>本人：%1</translation>
    </message>
    <message>
      <source>Add a family member</source>
      <translation>添加家人</translation>
    </message>
    <message>
      <source>This family member is your:</source>
      <translation>这位家人是您的：</translation>
    </message>
    <message>
      <source>Child</source>
      <translation>子女</translation>
    </message>
    <message>
      <source>Parent</source>
      <translation>父母</translation>
    </message>
    <message>
      <source>Spouse</source>
      <translation>配偶</translation>
    </message>
    <message>
      <source>Other family member</source>
      <translation>其他亲属</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>身份证</translation>
    </message>
    <message>
      <source>Now place your family member's ID card on the reader below the screen</source>
      <translation>请将家人的身份证放在屏幕下方的读卡区</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <comment>a family member: relation, name</comment>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>My child has no ID card</source>
      <translation>孩子没有身份证</translation>
    </message>
  </context>
  <context>
    <name>FarewellScreen</name>
    <message>
      <source>Please take your card and your slip</source>
      <translation>请取走您的卡和凭条</translation>
    </message>
    <message>
      <source>Thank you. We wish you good health.</source>
      <translation>谢谢，祝您早日康复。</translation>
    </message>
    <message>
      <source>Please take your card</source>
      <translation>请取走您的卡</translation>
    </message>
    <message>
      <source>Please take your slip</source>
      <translation>请取走凭条</translation>
    </message>
    <message>
      <source>Goodbye</source>
      <translation>再见</translation>
    </message>
  </context>
  <context>
    <name>FunctionCatalog</name>
    <message>
      <source>Not offered on this kiosk</source>
      <translation>本机不提供此业务</translation>
    </message>
    <message>
      <source>This kiosk serves patients from %1 to %2</source>
      <translation>本机服务时间为 %1 至 %2</translation>
    </message>
    <message>
      <source>Pick up appointment</source>
      <translation>预约取号</translation>
    </message>
    <message>
      <source>Book an appointment</source>
      <translation>预约挂号</translation>
    </message>
    <message>
      <source>Cancel and refund</source>
      <translation>退号退费</translation>
    </message>
    <message>
      <source>My bookings</source>
      <translation>挂号查询</translation>
    </message>
    <message>
      <source>The hospital's booking system cannot be reached</source>
      <translation>暂时连不上医院预约系统</translation>
    </message>
    <message>
      <source>This kiosk cannot print now</source>
      <translation>本机暂时无法打印凭条</translation>
    </message>
    <message>
      <source>Register for today</source>
      <translation>当日挂号</translation>
    </message>
    <message>
      <source>Pay bills</source>
      <translation>门诊缴费</translation>
    </message>
    <message>
      <source>Print reports</source>
      <translation>报告打印</translation>
    </message>
    <message>
      <source>This kiosk cannot print reports now</source>
      <translation>本机暂时无法打印报告</translation>
    </message>
    <message>
      <source>Print e-invoices</source>
      <translation>发票打印</translation>
    </message>
    <message>
      <source>Paused while this kiosk is updated; back shortly</source>
      <translation>暂停服务，正在更新，请稍候</translation>
    </message>
  </context>
  <context>
    <name>FunctionTile</name>
    <message>
      <source>unavailable</source>
      <translation>暂不可用</translation>
    </message>
    <message>
      <source>Unavailable: %1</source>
      <translation>暂不可用：%1</translation>
    </message>
  </context>
  <context>
    <name>HomeButton</name>
    <message>
      <source>Home</source>
      <translation>返回首页</translation>
    </message>
    <message>
      <source>End this session and go back to the start</source>
      <translation>结束本次办理，返回首页</translation>
    </message>
  </context>
  <context>
    <name>IdCardService</name>
    <message>
      <source>This ID card has expired. Please use a valid card, or ask the staff at the service desk.</source>
      <translation>您的身份证已过有效期，请使用有效证件，或到服务台咨询工作人员。</translation>
    </message>
    <message>
      <source>This card cannot be used here. Please use another card, or ask the staff at the service desk.</source>
      <translation>此卡无法在本机使用，请更换其他证件，或到服务台咨询工作人员。</translation>
    </message>
    <message>
      <source>The card could not be read. Please lift it, place it flat on the reader and hold it still.</source>
      <translation>读卡失败，请拿起卡片后平放在读卡区并保持不动。</translation>
    </message>
  </context>
  <context>
    <name>IdentifyScreen</name>
    <message>
      <source>Identify yourself</source>
      <translation>请验证身份</translation>
    </message>
    <message>
      <source>Use one of these. Your details stay private.</source>
      <translation>请任选一种方式，您的信息将被保密。</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>身份证</translation>
    </message>
    <message>
      <source>Place your resident ID card on the reader below the screen</source>
      <translation>请将居民身份证放在屏幕下方的读卡区</translation>
    </message>
    <message>
      <source>SSC</source>
      <translation>社保卡</translation>
    </message>
    <message>
      <source>Insert your social-security card into the slot, chip first</source>
      <translation>请将社保卡芯片朝前插入卡槽</translation>
    </message>
    <message>
      <source>QR</source>
      <translation>扫码</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Reading your card. Please keep it still.</source>
      <translation>正在读卡，请勿移动卡片。</translation>
    </message>
    <message>
      <source>Create your patient record?</source>
      <translation>为您建立就诊档案？</translation>
    </message>
    <message>
      <source>This hospital has no record of you yet. Please check the details read from your card.</source>
      <translation>本院尚无您的就诊档案，请核对从您的证件读取的信息。</translation>
    </message>
    <message>
      <source>Yes, create my record</source>
      <translation>确认建档</translation>
    </message>
    <message>
      <source>Type your ID number</source>
      <translation>输入身份证号</translation>
    </message>
    <message>
      <source>Type your ID number and the mobile number you gave the hospital, then tap Continue.</source>
      <translation>请输入身份证号和您在医院登记的手机号，然后点“继续办理”。</translation>
    </message>
    <message>
      <source>No card? Type your ID number</source>
      <translation>没带卡？输入身份证号</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续办理</translation>
    </message>
    <message>
      <source>Do not create it</source>
      <translation>不建档</translation>
    </message>
    <message>
      <source>Type your booking code</source>
      <translation>请输入预约码</translation>
    </message>
    <message>
      <source>Type the 8 digits on your booking voucher or in the text message, then tap Continue.</source>
      <translation>请输入预约单或短信中的8位预约码，然后点击“继续办理”。</translation>
    </message>
    <message>
      <source>Show your e-voucher, visit-card code or booking voucher to the scanner</source>
      <translation>请将医保电子凭证、就诊卡条码或预约单条码对准扫码口</translation>
    </message>
    <message>
      <source>Booking code</source>
      <translation>预约码</translation>
    </message>
    <message>
      <source>Your mobile number</source>
      <translation>您的手机号码</translation>
    </message>
    <message>
      <source>Type your mobile number again</source>
      <translation>请再次输入手机号码</translation>
    </message>
    <message>
      <source>Type the code from the text message</source>
      <translation>请输入短信验证码</translation>
    </message>
    <message>
      <source>The hospital needs your mobile number for your record. Type the 11 digits, then tap Continue.</source>
      <translation>建档需要您的手机号码。请输入11位手机号，然后点“继续办理”。</translation>
    </message>
    <message>
      <source>Type the same number once more, so that no digit is wrong.</source>
      <translation>请再输入一次同一个号码，以免输错。</translation>
    </message>
    <message>
      <source>We sent a text message with a 6-digit code to your phone. Type the code, then tap Continue.</source>
      <translation>我们已向您的手机发送6位短信验证码。请输入验证码，然后点“继续办理”。</translation>
    </message>
    <message>
      <source>Who is this visit for?</source>
      <translation>这次为谁办理？</translation>
    </message>
    <message>
      <source>Add a family member</source>
      <translation>添加家人</translation>
    </message>
    <message>
      <source>Choose yourself or the family member you are here for. Their bookings and slips carry their name.</source>
      <translation>请选择本人或您要代办的家人。预约和凭条上都是就诊人本人的姓名。</translation>
    </message>
    <message>
      <source>Say how they are related to you, then place their own ID card on the reader.</source>
      <translation>请选择家人与您的关系，然后将其本人身份证放在读卡区。</translation>
    </message>
    <message>
      <source>Your child's ID number</source>
      <translation>孩子的身份证号码</translation>
    </message>
    <message>
      <source>Your child's name</source>
      <translation>孩子的姓名</translation>
    </message>
    <message>
      <source>A child without an ID card: type the 18 characters of their ID number from the household register, then tap Continue.</source>
      <translation>孩子没有身份证：请输入户口簿上的18位身份证号码，然后点“继续办理”。</translation>
    </message>
    <message>
      <source>Type your child's name as the household register writes it.</source>
      <translation>请按户口簿上的写法输入孩子的姓名。</translation>
    </message>
    <message>
      <source>Add my child</source>
      <translation>添加</translation>
    </message>
  </context>
  <context>
    <name>IdentityResolver</name>
    <message>
      <source>This code cannot be used to identify you here. Please use your ID card, your social-security card or your medical-insurance e-voucher.</source>
      <translation>此码无法用于本机身份识别，请使用身份证、社保卡或医保电子凭证。</translation>
    </message>
    <message>
      <source>That ID number is not complete or not valid. It has 18 characters; the last may be X.</source>
      <translation>身份证号不完整或有误。身份证号共18位，最后一位可能是X。</translation>
    </message>
    <message>
      <source>Please type the 11-digit mobile number you gave the hospital.</source>
      <translation>请输入您在医院登记的11位手机号。</translation>
    </message>
    <message>
      <source>A booking code has 8 digits. You find it on your booking voucher or in the text message.</source>
      <translation>预约码为8位数字，印在预约单上，也在预约短信中。</translation>
    </message>
  </context>
  <context>
    <name>IdlePill</name>
    <message>
      <source>%1 s left</source>
      <translation>剩余 %1 秒</translation>
    </message>
  </context>
  <context>
    <name>InvoiceCard</name>
    <message>
      <source>Medical e-invoice, %1</source>
      <translation>医疗电子票据 %1</translation>
    </message>
    <message>
      <source>Code %1  Number %2  Check code %3</source>
      <translation>票据代码 %1  票据号码 %2  校验码 %3</translation>
    </message>
    <message>
      <source>Print on A4</source>
      <translation>A4 纸打印</translation>
    </message>
    <message>
      <source>Keep it on my phone</source>
      <translation>手机保存</translation>
    </message>
  </context>
  <context>
    <name>InvoicesFlow</name>
    <message>
      <source>E-invoice printed</source>
      <translation>电子票据已打印</translation>
    </message>
    <message>
      <source>Invoice number</source>
      <translation>票据号码</translation>
    </message>
    <message>
      <source>Invoice code</source>
      <translation>票据代码</translation>
    </message>
    <message>
      <source>Check code</source>
      <translation>校验码</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>页数</translation>
    </message>
    <message>
      <source>Please take your e-invoice from the A4 printer's tray</source>
      <translation>请从 A4 打印机出纸口取走您的电子票据</translation>
    </message>
    <message>
      <source>The e-invoice's file from the hospital cannot be printed. Scan its QR code to keep it on your phone, or ask at the service desk.</source>
      <translation>医院发来的票据文件无法打印。您可扫描二维码在手机上保存，或到服务台咨询。</translation>
    </message>
    <message>
      <source>The printer could not print your e-invoice. Scan its QR code to keep it on your phone, or ask at the service desk.</source>
      <translation>打印机未能打印您的电子票据。您可扫描二维码在手机上保存，或到服务台咨询。</translation>
    </message>
  </context>
  <context>
    <name>InvoicesScreen</name>
    <message>
      <source>Keep your e-invoice</source>
      <translation>手机保存电子票据</translation>
    </message>
    <message>
      <source>Print e-invoices</source>
      <translation>发票打印</translation>
    </message>
    <message>
      <source>Scan the code with your phone's camera, WeChat or Alipay to check and keep the e-invoice.</source>
      <translation>请用手机相机、微信或支付宝扫描二维码，查验并保存电子票据。</translation>
    </message>
    <message>
      <source>Print an e-invoice, or keep it on your phone.</source>
      <translation>可用 A4 纸打印电子票据，或在手机上保存。</translation>
    </message>
    <message>
      <source>You have no e-invoices.</source>
      <translation>您没有电子票据。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Printing your e-invoice. Please wait by the A4 printer.</source>
      <translation>正在打印您的电子票据，请在 A4 打印机旁稍候。</translation>
    </message>
    <message>
      <source>Invoice code</source>
      <translation>票据代码</translation>
    </message>
    <message>
      <source>Invoice number</source>
      <translation>票据号码</translation>
    </message>
    <message>
      <source>Check code</source>
      <translation>校验码</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Back to the list</source>
      <translation>返回列表</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
  </context>
  <context>
    <name>JourneyFlow</name>
    <message>
      <source>This kiosk cannot take bookings or payments right now. Nothing was charged. Please use the service desk.</source>
      <translation>本机暂时无法办理挂号和缴费，未产生任何扣费，请到服务台办理。</translation>
    </message>
  </context>
  <context>
    <name>KioskInfo</name>
    <message>
      <source>You can also be served at the service desk.</source>
      <translation>您也可以到人工窗口办理。</translation>
    </message>
  </context>
  <context>
    <name>LetterKeyboard</name>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
  </context>
  <context>
    <name>Maintenance</name>
    <message>
      <source>Locked after too many wrong PINs; try again in %1 min</source>
      <translation>密码错误次数过多，已锁定，请 %1 分钟后再试</translation>
    </message>
    <message>
      <source>Wrong PIN; %1 tries left</source>
      <translation>密码错误，还可尝试 %1 次</translation>
    </message>
    <message>
      <source>Printing a test slip…</source>
      <translation>正在打印测试页…</translation>
    </message>
    <message>
      <source>The test slip was printed</source>
      <translation>测试页已打印</translation>
    </message>
    <message>
      <source>The test slip did not print</source>
      <translation>测试页未能打印</translation>
    </message>
  </context>
  <context>
    <name>MaintenanceScreen</name>
    <message>
      <source>Maintenance</source>
      <translation>维护菜单</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translation>维护人员密码</translation>
    </message>
    <message>
      <source>Enter the PIN</source>
      <translation>请输入密码</translation>
    </message>
    <message>
      <source>Erase</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Enter</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Print a test slip</source>
      <translation>打印测试页</translation>
    </message>
    <message>
      <source>Close the kiosk app</source>
      <translation>退出自助机程序</translation>
    </message>
    <message>
      <source>Back to service</source>
      <translation>恢复服务</translation>
    </message>
  </context>
  <context>
    <name>ManualEntryPanel</name>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Mobile number the hospital has for you</source>
      <translation>您在医院登记的手机号</translation>
    </message>
    <message>
      <source>Mobile number</source>
      <translation>手机号</translation>
    </message>
  </context>
  <context>
    <name>MenuScreen</name>
    <message>
      <source>Hello, %1</source>
      <translation>您好，%1</translation>
    </message>
    <message>
      <source>What would you like to do?</source>
      <translation>请选择您要办理的业务</translation>
    </message>
    <message>
      <source>Large text and voice are on for you. Tap “Standard” at the top to switch back.</source>
      <translation>已为您打开大字和语音。如需恢复，请点屏幕上方的“标准”。</translation>
    </message>
  </context>
  <context>
    <name>MoveFlow</name>
    <message>
      <source>Booking moved</source>
      <translation>改约成功</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>New time</source>
      <translation>新的就诊时间</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>挂号费</translation>
    </message>
    <message>
      <source>Already paid: it moved with your booking, nothing more to pay</source>
      <translation>已缴费，随预约一起改约，无需再付</translation>
    </message>
    <message>
      <source>No other doctor of this department has a free time for this booking. You can cancel it for a full refund instead.</source>
      <translation>本科室暂无可改约的号源。您可以退号，挂号费全额退回。</translation>
    </message>
  </context>
  <context>
    <name>MoveScreen</name>
    <message>
      <source>Move your booking to this time?</source>
      <translation>改约到这个时间吗？</translation>
    </message>
    <message>
      <source>Choose a new time</source>
      <translation>请选择新的就诊时间</translation>
    </message>
    <message>
      <source>Your fee is already paid and moves with the booking. Nothing more to pay.</source>
      <translation>您已缴的挂号费随预约一起改约，无需再付。</translation>
    </message>
    <message>
      <source>Choose a day, then tap a time.</source>
      <translation>请先选日期，再点时段。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Stopped: %1</source>
      <translation>已停诊：%1</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>New time</source>
      <translation>新的就诊时间</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>挂号费</translation>
    </message>
    <message>
      <source>(paid)</source>
      <translation>（已缴）</translation>
    </message>
    <message>
      <source>Was</source>
      <translation>原预约</translation>
    </message>
    <message>
      <source>Yes, move it</source>
      <translation>确定改约</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Other times of the same doctor:</source>
      <translation>该医生的其他时间：</translation>
    </message>
  </context>
  <context>
    <name>Pager</name>
    <message>
      <source>‹ Previous page</source>
      <translation>‹ 上一页</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>第 %1/%2 页</translation>
    </message>
    <message>
      <source>Next page ›</source>
      <translation>下一页 ›</translation>
    </message>
  </context>
  <context>
    <name>PatientRegistration</name>
    <message>
      <source>A mobile number has 11 digits and starts with 1. Please type it again.</source>
      <translation>手机号码为1开头的11位数字，请重新输入。</translation>
    </message>
    <message>
      <source>The two numbers are not the same. Please type your mobile number again.</source>
      <translation>两次输入的号码不一致，请重新输入手机号码。</translation>
    </message>
    <message>
      <source>Please type all the digits of the code in the text message.</source>
      <translation>请输入短信中的全部验证码数字。</translation>
    </message>
  </context>
  <context>
    <name>PaymentMethods</name>
    <message>
      <source>WeChat Pay</source>
      <translation>微信支付</translation>
    </message>
    <message>
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <source>UnionPay</source>
      <translation>银联云闪付</translation>
    </message>
    <message>
      <source>Medical insurance</source>
      <translation>医保支付</translation>
    </message>
    <message>
      <source>Show a payment code</source>
      <translation>出示付款码</translation>
    </message>
  </context>
  <context>
    <name>PaymentQr</name>
    <message>
      <source>Time left to pay: %1:%2</source>
      <translation>剩余支付时间：%1:%2</translation>
    </message>
    <message>
      <source>Fee: %1</source>
      <translation>费用：%1</translation>
    </message>
  </context>
  <context>
    <name>PickUpFlow</name>
    <message>
      <source>You are checked in</source>
      <translation>取号成功</translation>
    </message>
    <message>
      <source>Your queue number</source>
      <translation>您的排队号</translation>
    </message>
    <message>
      <source>Clinic room</source>
      <translation>诊室</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时段</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>医生</translation>
    </message>
    <message>
      <source>Slip</source>
      <translation>凭条</translation>
    </message>
    <message>
      <source>Printed: please take it</source>
      <translation>已打印，请取走</translation>
    </message>
    <message>
      <source>Not printed: show this screen or your ID card at the clinic</source>
      <translation>未能打印：请在诊室出示本屏幕或身份证</translation>
    </message>
    <message>
      <source>The time to pay ran out. Your booking is still there, unpaid. If you did pay, the payment goes to this booking; you can then check in.</source>
      <translation>支付时间已到。您的预约仍保留，尚未缴费。如您已付款，款项将计入此预约，之后即可取号。</translation>
    </message>
    <message>
      <source>The payment did not go through. Nothing was charged; your booking is still there.</source>
      <translation>支付未成功，未扣任何费用，您的预约仍保留。</translation>
    </message>
    <message>
      <source>Registered for today and checked in</source>
      <translation>挂号成功，已签到</translation>
    </message>
    <message>
      <source>Fee paid</source>
      <translation>已付挂号费</translation>
    </message>
  </context>
  <context>
    <name>PickUpScreen</name>
    <message>
      <source>Pick up appointment</source>
      <translation>预约取号</translation>
    </message>
    <message>
      <source>Choose the appointment to check in for. Your slip will be printed.</source>
      <translation>请选择要取号的预约，取号后将打印凭条。</translation>
    </message>
    <message>
      <source>You have no appointment today. You can book one from the menu.</source>
      <translation>您今天没有预约，可返回菜单预约挂号。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>取号</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Scan to pay</source>
      <translation>扫码支付</translation>
    </message>
    <message>
      <source>Pay for your appointment</source>
      <translation>预约缴费</translation>
    </message>
    <message>
      <source>Scan the code with your phone and pay. You are checked in once it is paid.</source>
      <translation>请用手机扫码支付，支付成功后自动为您取号。</translation>
    </message>
    <message>
      <source>This appointment is not paid yet. Choose how to pay.</source>
      <translation>此预约尚未缴费，请选择支付方式。</translation>
    </message>
    <message>
      <source>Pay, then check in</source>
      <translation>缴费并取号</translation>
    </message>
    <message>
      <source>Stop paying</source>
      <translation>暂不支付</translation>
    </message>
  </context>
  <context>
    <name>PlatformService</name>
    <message>
      <source>The appointment service cannot be reached right now. Please try again later or ask at the service desk.</source>
      <translation>暂时无法连接预约服务，请稍后再试，或到服务台咨询工作人员。</translation>
    </message>
    <message>
      <source>The appointment service gave an answer we could not understand. Please ask at the service desk.</source>
      <translation>预约服务返回了无法识别的结果，请到服务台咨询工作人员。</translation>
    </message>
  </context>
  <context>
    <name>RegistrationPanel</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Your mobile number, once more</source>
      <translation>再次输入手机号码</translation>
    </message>
    <message>
      <source>Code sent to %1</source>
      <translation>验证码已发送至 %1</translation>
    </message>
    <message>
      <source>Your mobile number</source>
      <translation>您的手机号码</translation>
    </message>
    <message>
      <source>Code from the text message</source>
      <translation>短信验证码</translation>
    </message>
    <message>
      <source>Mobile number</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Send a new code (in %1 s)</source>
      <translation>重新获取验证码（%1秒）</translation>
    </message>
    <message>
      <source>Send a new code</source>
      <translation>重新获取验证码</translation>
    </message>
  </context>
  <context>
    <name>ReportCard</name>
    <message>
      <source>Not ready yet, expected %1</source>
      <translation>尚未出报告，预计 %1</translation>
    </message>
    <message>
      <source>Already printed</source>
      <translation>已打印</translation>
    </message>
    <message>
      <source>Ready to print</source>
      <translation>可打印</translation>
    </message>
  </context>
  <context>
    <name>ReportsFlow</name>
    <message>
      <source>Reports printed</source>
      <translation>报告已打印</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>页数</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>已打印</translation>
    </message>
    <message>
      <source>Please take your reports from the A4 printer's tray</source>
      <translation>请从 A4 打印机出纸口取走您的报告</translation>
    </message>
    <message>
      <source>Your report's file from the hospital cannot be printed. It has not been counted as printed: please ask at the service desk.</source>
      <translation>医院发来的报告文件无法打印，本次不计打印次数，请到服务台咨询。</translation>
    </message>
    <message>
      <source>The printer could not print your report. It has not been counted as printed: you can print it later, or ask at the service desk.</source>
      <translation>打印机未能打印您的报告，本次不计打印次数，您可稍后再打印，或到服务台咨询。</translation>
    </message>
    <message>
      <source>Some of your reports were printed; please take them. The printer could not print the rest, which have not been counted as printed: ask at the service desk.</source>
      <translation>部分报告已打印，请取走。其余报告未能打印，不计打印次数，请到服务台咨询。</translation>
    </message>
  </context>
  <context>
    <name>ReportsScreen</name>
    <message>
      <source>Print reports</source>
      <translation>报告打印</translation>
    </message>
    <message>
      <source>Tap a report to choose it or set it aside, then tap Print.</source>
      <translation>点报告可选中或取消，然后点“打印”。</translation>
    </message>
    <message>
      <source>None of your reports can be printed now.</source>
      <translation>您的报告暂时都不能打印。</translation>
    </message>
    <message>
      <source>You have no reports.</source>
      <translation>您没有报告。</translation>
    </message>
    <message>
      <source>One moment, please…</source>
      <translation>请稍候……</translation>
    </message>
    <message>
      <source>Printing report %1 of %2. Please wait by the A4 printer.</source>
      <translation>正在打印第 %1 份，共 %2 份，请在 A4 打印机旁稍候。</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Print %1 report(s)</source>
      <translation>打印 %1 份报告</translation>
    </message>
  </context>
  <context>
    <name>SliceGrid</name>
    <message>
      <source>%1 left</source>
      <translation>剩余 %1</translation>
    </message>
    <message>
      <source>Full</source>
      <translation>已满</translation>
    </message>
  </context>
  <context>
    <name>SscService</name>
    <message>
      <source>This social-security card has expired. Please use your ID card, or ask the staff at the service desk.</source>
      <translation>您的社保卡已过有效期，请使用身份证，或到服务台咨询工作人员。</translation>
    </message>
    <message>
      <source>This social-security card is blocked. Please contact your social-security office.</source>
      <translation>您的社保卡已被锁定，请联系社保经办机构。</translation>
    </message>
    <message>
      <source>This card cannot be used here. Please use your ID card, or ask the staff at the service desk.</source>
      <translation>此卡无法在本机使用，请使用身份证，或到服务台咨询工作人员。</translation>
    </message>
    <message>
      <source>The card could not be read. Please take it out and insert it again, chip first.</source>
      <translation>读卡失败，请取出卡片后芯片朝前重新插入。</translation>
    </message>
  </context>
  <context>
    <name>StepBar</name>
    <message>
      <source>Step %1 of %2: %3</source>
      <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
  </context>
  <context>
    <name>StopNoticeCards</name>
    <message>
      <source>Your doctor has stopped this session</source>
      <translation>停诊通知：您预约的医生停诊</translation>
    </message>
    <message>
      <source>Your fee goes back in full the way you paid, or moves with you to another time at no charge.</source>
      <translation>挂号费可原路全额退回，也可免费改约到其他时间。</translation>
    </message>
  </context>
  <context>
    <name>StoppedActions</name>
    <message>
      <source>Cancel, full refund</source>
      <translation>退号，全额退费</translation>
    </message>
    <message>
      <source>Cancel it</source>
      <translation>退号</translation>
    </message>
    <message>
      <source>Move to another time</source>
      <translation>改约其他时间</translation>
    </message>
  </context>
  <context>
    <name>TopBar</name>
    <message>
      <source>Standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <source>Voice off</source>
      <translation>关闭语音</translation>
    </message>
    <message>
      <source>Voice on</source>
      <translation>开启语音</translation>
    </message>
    <message>
      <source>Turn voice guidance off</source>
      <translation>关闭语音提示</translation>
    </message>
    <message>
      <source>Turn voice guidance on</source>
      <translation>开启语音提示</translation>
    </message>
    <message>
      <source>Large</source>
      <translation>大字</translation>
    </message>
    <message>
      <source>Text size: large. Tap for standard</source>
      <translation>当前为大字，点击切换到标准</translation>
    </message>
    <message>
      <source>Text size: standard. Tap for large</source>
      <translation>当前为标准字号，点击切换到大字</translation>
    </message>
  </context>
  <context>
    <name>TransactionRecovery</name>
    <message>
      <source>A slip from your earlier visit did not print then; it has just been printed. Please take it.</source>
      <translation>您上次办理时未打印成功的凭条已补打，请取走。</translation>
    </message>
  </context>
  <context>
    <name>TranslatableText</name>
    <message>
      <source>en</source>
      <translation>zh</translation>
    </message>
  </context>
  <context>
    <name>VoiceGuide</name>
    <message>
      <source>Place your ID card, insert your social-security card, or show your e-voucher code.</source>
      <translation>请放置身份证、插入社保卡，或出示医保电子凭证二维码。</translation>
    </message>
    <message>
      <source>Reading your card. Please keep it still.</source>
      <translation>正在读卡，请勿移动卡片。</translation>
    </message>
    <message>
      <source>Please check your details on the screen, then confirm to create your patient record.</source>
      <translation>请核对屏幕上的信息，确认后为您建立就诊档案。</translation>
    </message>
    <message>
      <source>Please choose what you would like to do.</source>
      <translation>请选择您要办理的业务。</translation>
    </message>
    <message>
      <source>Choose the appointment to check in for.</source>
      <translation>请选择要取号的预约。</translation>
    </message>
    <message>
      <source>Choose a department.</source>
      <translation>请选择科室。</translation>
    </message>
    <message>
      <source>Choose a doctor.</source>
      <translation>请选择医生。</translation>
    </message>
    <message>
      <source>Choose a date and time.</source>
      <translation>请选择就诊日期和时段。</translation>
    </message>
    <message>
      <source>Check the booking, then choose how to pay.</source>
      <translation>请核对预约信息，然后选择支付方式。</translation>
    </message>
    <message>
      <source>Scan the QR code on the screen with your phone to pay.</source>
      <translation>请用手机扫描屏幕上的二维码支付。</translation>
    </message>
    <message>
      <source>Choose the booking to cancel.</source>
      <translation>请选择要退的号。</translation>
    </message>
    <message>
      <source>These are your bookings.</source>
      <translation>以下是您的挂号记录。</translation>
    </message>
    <message>
      <source>Sorry, that did not work. The screen says what to do next.</source>
      <translation>抱歉，办理未成功，请按屏幕提示操作。</translation>
    </message>
    <message>
      <source>This appointment is not paid yet. Choose how to pay.</source>
      <translation>此预约尚未缴费，请选择支付方式。</translation>
    </message>
    <message>
      <source>Are you still there? Touch the screen to continue, or this session ends.</source>
      <translation>您还在吗？如需继续办理，请点击屏幕，否则将自动退出。</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>办理完成。</translation>
    </message>
    <message>
      <source>Goodbye.</source>
      <translation>再见。</translation>
    </message>
    <message>
      <source>Please take your card and your slip.</source>
      <translation>请取走您的卡和凭条。</translation>
    </message>
    <message>
      <source>Please take your card.</source>
      <translation>请取走您的卡。</translation>
    </message>
    <message>
      <source>Please take your slip.</source>
      <translation>请取走凭条。</translation>
    </message>
    <message>
      <source>Registration for today. Choose a department.</source>
      <translation>当日挂号，请选择科室。</translation>
    </message>
    <message>
      <source>Choose a time today.</source>
      <translation>请选择今天的就诊时段。</translation>
    </message>
    <message>
      <source>Check the registration, then choose how to pay. You are checked in as soon as you have paid.</source>
      <translation>请核对挂号信息并选择支付方式，支付成功后自动签到取号。</translation>
    </message>
    <message>
      <source>Type the 8-digit booking code from your voucher or text message.</source>
      <translation>请输入预约单或短信中的8位预约码。</translation>
    </message>
    <message>
      <source>Type your mobile number, then touch Continue.</source>
      <translation>请输入您的手机号码，然后点“继续办理”。</translation>
    </message>
    <message>
      <source>Please type the same mobile number once more.</source>
      <translation>请再输入一次同一个手机号码。</translation>
    </message>
    <message>
      <source>A text message with a code is on its way to your phone. Type the code.</source>
      <translation>验证码短信正在发往您的手机，请输入验证码。</translation>
    </message>
    <message>
      <source>Who is this visit for? Choose yourself or a family member.</source>
      <translation>这次为谁办理？请选择本人或家人。</translation>
    </message>
    <message>
      <source>Choose how they are related to you, then place their ID card on the reader.</source>
      <translation>请选择家人与您的关系，然后放置其身份证。</translation>
    </message>
    <message>
      <source>Type your child's ID number from the household register.</source>
      <translation>请输入户口簿上孩子的身份证号码。</translation>
    </message>
    <message>
      <source>Type the pinyin of your child's name, then touch its characters.</source>
      <translation>请输入孩子姓名的拼音，然后点选对应的汉字。</translation>
    </message>
  </context>
</TS>