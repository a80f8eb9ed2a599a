import QtQuick
import QtQuick.Layouts

// 上一页 / 第 1/2 页 / 下一页 for a list too long for one screen: every item is reached by a
// button, never by a scroll the patient may not know about. Shown only with more than one page.
// The list shows items [page * pageSize, (page + 1) * pageSize).
RowLayout {
    id: pager
    Layout.fillHeight: false  // a layout fills by default; this one is as tall as its content

    required property int count
    property int pageSize: 4
    property int page: 0
    readonly property int pages: Math.max(1, Math.ceil(count / Math.max(1, pageSize)))

    visible: pages > 1
    spacing: Theme.spacing
    // A list that shrinks (a filter, larger text) never leaves the patient past its end.
    onPagesChanged: page = Math.max(0, Math.min(page, pages - 1))

    KioskButton {
        objectName: "previousPage"
        Layout.fillWidth: true
        primary: false
        enabled: pager.page > 0
        font.pixelSize: Theme.fontBody
        text: qsTr("‹ Previous page")
        onClicked: pager.page = pager.page - 1
    }
    Text {
        textFormat: Text.PlainText
        text: qsTr("Page %1 of %2").arg(pager.page + 1).arg(pager.pages)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    KioskButton {
        objectName: "nextPage"
        Layout.fillWidth: true
        primary: false
        enabled: pager.page < pager.pages - 1
        font.pixelSize: Theme.fontBody
        text: qsTr("Next page ›")
        onClicked: pager.page = pager.page + 1
    }
}
