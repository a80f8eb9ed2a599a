import QtQuick
import QtTest
import Lobby.Components
import Lobby.Core

TestCase {
    id: testCase
    name: "Components"
    width: 1080
    height: 1920
    visible: true
    when: windowShown

    Component {
        id: buttonComponent
        KioskButton { text: "OK" }
    }
    Component {
        id: tileComponent
        FunctionTile { title: "Pick up"; reason: "The slip printer is not ready" }
    }
    Component {
        id: topBarComponent
        TopBar { width: 1080 }
    }
    Component {
        id: overlayComponent
        CountdownOverlay { anchors.fill: parent }
    }
    Component {
        id: bookingCardComponent
        BookingCard {
            width: 900
            booking: ({department: "内科", doctor: "李医生1 主任医师", when: "2026-11-24 上午 08:00–08:30",
                       fee: "¥50.00", statusText: "医生已停诊", stopService: true})
        }
    }
    Component {
        id: paymentMethodsComponent
        PaymentMethods { width: 900; methodIds: ["wechat", "insurance"] }
    }
    Component {
        id: paymentQrComponent
        PaymentQr { width: 900; height: 800; payload: "SANDBOXPAY:Y1"; remainingSeconds: 65; fee: "¥50.00" }
    }
    Component {
        id: frameComponent
        ScreenFrame {
            property alias contentHeight: filler.implicitHeight
            width: 1080
            height: 900
            title: "Title"
            Rectangle { id: filler; anchors.fill: parent; implicitHeight: 200 }
            actions: [ KioskButton { objectName: "frameBack"; text: "Back" } ]
        }
    }
    SignalSpy { id: clickSpy; signalName: "clicked" }
    SignalSpy { id: chosenSpy; signalName: "chosen" }

    function findByObjectName(item, name) {
        if (item.objectName === name) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByObjectName(item.children[i], name)
            if (found) return found
        }
        return null
    }

    function findText(item, text) {
        if (item.text !== undefined && item.text === text && item.visible) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findText(item.children[i], text)
            if (found) return found
        }
        return null
    }

    function test_buttonIsALargeTouchTarget() {
        const button = createTemporaryObject(buttonComponent, testCase)
        verify(button.height >= Theme.touchTargetMin)
        verify(button.width >= Theme.touchTargetMin)
        compare(button.Accessible.name, "OK")
    }

    function test_buttonClicksWhenEnabledOnly() {
        const button = createTemporaryObject(buttonComponent, testCase)
        clickSpy.clear()
        clickSpy.target = button
        mouseClick(button)
        compare(clickSpy.count, 1)
        button.enabled = false
        mouseClick(button)
        compare(clickSpy.count, 1)
    }

    function test_unavailableTileSaysWhyInWords() {
        const tile = createTemporaryObject(tileComponent, testCase, {width: 800})
        tile.enabled = false
        verify(findText(tile, "Unavailable: The slip printer is not ready") !== null)
        verify(tile.Accessible.name.indexOf("The slip printer is not ready") >= 0)
        clickSpy.clear()
        clickSpy.target = tile
        mouseClick(tile)
        compare(clickSpy.count, 0)
        tile.enabled = true
        verify(findText(tile, "Unavailable: The slip printer is not ready") === null)
    }

    function test_topBarShowsHospitalAndSwitchesLanguage() {
        const bar = createTemporaryObject(topBarComponent, testCase)
        verify(findText(bar, "测试医院") !== null)
        const zhSwitch = findByObjectName(bar, "languageSwitch")
        compare(zhSwitch.text, "English")
        mouseClick(zhSwitch)
        compare(Kiosk.language, "en")
        compare(zhSwitch.text, "中文")
        mouseClick(zhSwitch)
        compare(Kiosk.language, "zh")
    }

    function test_bookingCardSaysTheStatusInWordsNotColourAlone() {
        const card = createTemporaryObject(bookingCardComponent, testCase)
        verify(findText(card, "医生已停诊") !== null)
        verify(findText(card, "内科  李医生1 主任医师") !== null)
        verify(findText(card, "2026-11-24 上午 08:00–08:30  ¥50.00") !== null)
    }

    function test_elderSwitchEnlargesEverythingAndSwitchesBack() {
        const bar = createTemporaryObject(topBarComponent, testCase)
        const button = createTemporaryObject(buttonComponent, testCase)
        const standardHeight = button.height
        const elderSwitch = findByObjectName(bar, "elderSwitch")
        mouseClick(elderSwitch)
        verify(Kiosk.elderMode)
        verify(Theme.fontBody > 32)
        verify(button.height > standardHeight, "touch targets grow in elder mode")
        verify(Voice.offered, "voice comes with elder mode")
        // The bar lays itself out again (larger text, the voice switch shown); the next tap comes
        // later than a double-click would (a button takes a double-click's second tap as no click).
        waitForItemPolished(bar)
        wait(Qt.styleHints.mouseDoubleClickInterval + 100)
        mouseClick(elderSwitch)
        verify(!Kiosk.elderMode)
        compare(button.height, standardHeight)
    }

    function test_paymentMethodsOfferOnlyTheScenesMethodsAndSayWhichWasChosen() {
        const methods = createTemporaryObject(paymentMethodsComponent, testCase)
        chosenSpy.target = methods
        chosenSpy.clear()
        verify(findByObjectName(methods, "pay_alipay") === null, "a method the scene left out")
        const insurance = findByObjectName(methods, "pay_insurance")
        verify(insurance !== null)
        verify(insurance.height >= Theme.touchTargetMin)
        mouseClick(insurance)
        compare(chosenSpy.count, 1)
        compare(chosenSpy.signalArguments[0][0], "insurance")
        methods.busy = true
        mouseClick(insurance)
        compare(chosenSpy.count, 1, "no second payment while the first is on its way")
    }

    function test_paymentQrShowsTheCodeAndTheTimeLeftInMinutesAndSeconds() {
        const qr = createTemporaryObject(paymentQrComponent, testCase)
        const countdown = findByObjectName(qr, "paymentCountdown")
        verify(countdown.text.indexOf("1:05") >= 0, countdown.text)
        qr.remainingSeconds = 9
        verify(countdown.text.indexOf("0:09") >= 0, countdown.text)
        const image = findByObjectName(qr, "paymentQr")
        verify(image.source.toString().indexOf("image://qr/") === 0)
        qr.payload = ""
        compare(image.source.toString(), "", "no code without a payload")
    }

    function test_contentTallerThanTheScreenScrollsInsteadOfRunningUnderTheButtons() {
        const frame = createTemporaryObject(frameComponent, testCase)
        const body = findByObjectName(frame, "screenBody")
        verify(!body.interactive, "content that fits does not scroll")
        frame.contentHeight = 2000
        tryVerify(function() { return body.interactive })
        verify(body.contentHeight >= 2000)
        verify(body.clip, "nothing drawn over the buttons")
        const back = findByObjectName(frame, "frameBack")
        const backTop = back.mapToItem(frame, 0, 0).y
        const bodyBottom = body.mapToItem(frame, 0, body.height).y
        verify(bodyBottom <= backTop, "the content area ends above the buttons")
    }

    function test_voiceSwitchOnlyWhereTheSceneOffersVoice() {
        const bar = createTemporaryObject(topBarComponent, testCase)
        const voiceSwitch = findByObjectName(bar, "voiceSwitch")
        verify(voiceSwitch !== null)
        verify(!Voice.offered, "voice guidance is off until a scene turns it on")
        verify(!voiceSwitch.visible)
    }

    function test_countdownAppearsWhenIdleAndStayDismissesIt() {
        const overlay = createTemporaryObject(overlayComponent, testCase)
        verify(!overlay.visible)
        Session.start()
        tryVerify(function() { return overlay.visible }, 3000)
        const stay = findByObjectName(overlay, "stayButton")
        verify(stay !== null)
        mouseClick(stay)
        verify(!overlay.visible)
        compare(Session.state, "identifying")
        Session.back()
        compare(Session.state, "idle")
    }
}
