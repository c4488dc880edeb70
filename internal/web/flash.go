package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// The one-line notice a page shows after a successful POST ("Đã lưu") is
// passed in the redirect's URL by key — ?ok=task_saved, with whole numbers
// as &n= — and the text is looked up here. A link can therefore only show
// one of these sentences, never text of its own ("?ok=Tài khoản bị khóa, gọi
// số …").

// flashKey names one message of flashes.
type flashKey string

// The messages, by key. %d takes the redirect's numbers in order; a message
// is shown only when the URL brings exactly as many numbers as it takes.
const (
	flashMeetingCreated      flashKey = "meeting_created"
	flashMeetingSaved        flashKey = "meeting_saved"
	flashNoticeSaved         flashKey = "notice_saved"
	flashNoticeIssued        flashKey = "notice_issued"
	flashErratumSaved        flashKey = "erratum_saved"
	flashReplacementSaved    flashKey = "replacement_saved"
	flashErratumCreated      flashKey = "erratum_created"
	flashReplacementCreated  flashKey = "replacement_created"
	flashChangeConfirmed     flashKey = "change_confirmed"
	flashChangeDiscarded     flashKey = "change_discarded"
	flashGroupCreated        flashKey = "group_created"
	flashGroupSaved          flashKey = "group_saved"
	flashTaskExpanded        flashKey = "task_expanded"
	flashTaskResolved        flashKey = "task_resolved"
	flashImportRead          flashKey = "import_read"
	flashImportSaved         flashKey = "import_saved"
	flashImported            flashKey = "imported"
	flashImportedWaiting     flashKey = "imported_waiting"
	flashImportedSkipped     flashKey = "imported_skipped"
	flashImportedBoth        flashKey = "imported_waiting_skipped"
	flashImportUnitAdded     flashKey = "import_unit_added"
	flashImportAliasAdded    flashKey = "import_alias_added"
	flashImportGroupAdded    flashKey = "import_group_added"
	flashImportTaskAdded     flashKey = "import_task_added"
	flashUnitCreated         flashKey = "unit_created"
	flashUnitSaved           flashKey = "unit_saved"
	flashBlockCreated        flashKey = "block_created"
	flashSectorCreated       flashKey = "sector_created"
	flashOrgSaved            flashKey = "org_saved"
	flashPresetLoaded        flashKey = "preset_loaded"
	flashPresetNothing       flashKey = "preset_nothing"
	flashCalendarRevoked     flashKey = "calendar_revoked"
	flashTokenRevoked        flashKey = "token_revoked"
	flashTaskCreated         flashKey = "task_created"
	flashTaskSaved           flashKey = "task_saved"
	flashReportSent          flashKey = "report_sent"
	flashReportBelow         flashKey = "report_below"
	flashReportCompleted     flashKey = "report_completed"
	flashEventDateSet        flashKey = "event_date_set"
	flashTaskReopened        flashKey = "task_reopened"
	flashExtensionRequested  flashKey = "extension_requested"
	flashExtensionApproved   flashKey = "extension_approved"
	flashExtensionRefused    flashKey = "extension_refused"
	flashUserCreated         flashKey = "user_created"
	flashUserSaved           flashKey = "user_saved"
	flashUserPasswordReset   flashKey = "user_password_reset"
	flashPasswordChangedNote flashKey = "password_changed"
)

var flashes = map[flashKey]string{
	flashMeetingCreated:      "Đã thêm hội nghị.",
	flashMeetingSaved:        "Đã lưu hội nghị.",
	flashNoticeSaved:         "Đã lưu dự thảo thông báo.",
	flashNoticeIssued:        "Đã ban hành thông báo.",
	flashErratumSaved:        "Đã lưu thông báo đính chính (dự thảo) của thông báo đã có; các nhiệm vụ của thông báo đó được chép sang để sửa.",
	flashReplacementSaved:    "Đã lưu thông báo thay thế (dự thảo) của thông báo đã có; các nhiệm vụ của thông báo đó được chép sang để sửa.",
	flashErratumCreated:      "Đã tạo dự thảo thông báo đính chính, có số và ngày riêng; các nhiệm vụ được chép sang để sửa. Nhập số, sửa nội dung rồi ban hành; sau đó xác nhận từng thay đổi nhiệm vụ.",
	flashReplacementCreated:  "Đã tạo dự thảo thông báo thay thế, có số và ngày riêng; các nhiệm vụ được chép sang để sửa. Nhập số, sửa nội dung rồi ban hành; sau đó xác nhận từng thay đổi nhiệm vụ.",
	flashChangeConfirmed:     "Đã xác nhận thay đổi: nhiệm vụ nay theo văn bản đính chính.",
	flashChangeDiscarded:     "Đã bỏ thay đổi: nhiệm vụ giữ nội dung cũ.",
	flashGroupCreated:        "Đã thêm nhóm đơn vị.",
	flashGroupSaved:          "Đã lưu nhóm đơn vị.",
	flashTaskExpanded:        "Đã chia nhiệm vụ cho các đơn vị thành viên của nhóm.",
	flashTaskResolved:        "Đã xác định đơn vị thực hiện nhiệm vụ.",
	flashImportRead:          "Đã đọc %d nhiệm vụ từ văn bản. Hãy kiểm tra, sửa nếu cần rồi bấm “Xác nhận nhập”.",
	flashImportSaved:         "Đã lưu chỉnh sửa. Văn bản chưa được nhập cho đến khi bạn bấm “Xác nhận nhập”.",
	flashImported:            "Đã nhập %d nhiệm vụ (%d có thời hạn cụ thể). Thông báo đang ở dạng dự thảo: kiểm tra rồi ban hành.",
	flashImportedWaiting:     "Đã nhập %d nhiệm vụ (%d có thời hạn cụ thể); %d nhiệm vụ chờ xác định đơn vị chủ trì. Thông báo đang ở dạng dự thảo: kiểm tra rồi ban hành.",
	flashImportedSkipped:     "Đã nhập %d nhiệm vụ (%d có thời hạn cụ thể); %d nhiệm vụ không nhập theo lựa chọn của bạn. Thông báo đang ở dạng dự thảo: kiểm tra rồi ban hành.",
	flashImportedBoth:        "Đã nhập %d nhiệm vụ (%d có thời hạn cụ thể); %d nhiệm vụ chờ xác định đơn vị chủ trì; %d nhiệm vụ không nhập theo lựa chọn của bạn. Thông báo đang ở dạng dự thảo: kiểm tra rồi ban hành.",
	flashImportUnitAdded:     "Đã thêm đơn vị vào danh mục; tên các đơn vị trong văn bản đã được đối chiếu lại.",
	flashImportAliasAdded:    "Đã ghi tên gọi khác của đơn vị vào danh mục; tên các đơn vị trong văn bản đã được đối chiếu lại.",
	flashImportGroupAdded:    "Đã thêm nhóm đơn vị vào danh mục (thành viên đoán theo tên nhóm, sửa được trong danh mục); tên các đơn vị trong văn bản đã được đối chiếu lại.",
	flashImportTaskAdded:     "Đã thêm nhiệm vụ %d. Kiểm tra đơn vị và thời hạn của nó.",
	flashUnitCreated:         "Đã thêm đơn vị.",
	flashUnitSaved:           "Đã lưu đơn vị.",
	flashBlockCreated:        "Đã thêm khối.",
	flashSectorCreated:       "Đã thêm lĩnh vực.",
	flashOrgSaved:            "Đã lưu thông tin cơ quan.",
	flashPresetLoaded:        "Đã nạp mẫu danh mục: thêm %d khối, %d lĩnh vực, %d đơn vị.",
	flashPresetNothing:       "Danh mục đã có đủ các mục của mẫu, không thêm gì mới.",
	flashCalendarRevoked:     "Đã thu hồi liên kết lịch.",
	flashTokenRevoked:        "Đã thu hồi token.",
	flashTaskCreated:         "Đã tạo nhiệm vụ.",
	flashTaskSaved:           "Đã lưu nhiệm vụ.",
	flashReportSent:          "Đã gửi báo cáo tiến độ.",
	flashReportBelow:         "Đã gửi báo cáo. Tiến độ của nhiệm vụ vẫn là %d%%: tiến độ chỉ tăng theo báo cáo, mức thấp hơn đã báo cáo trước đó không làm giảm tiến độ.",
	flashReportCompleted:     "Đã báo cáo hoàn thành nhiệm vụ.",
	flashEventDateSet:        "Đã ghi ngày xảy ra sự kiện; thời hạn đã được tính lại.",
	flashTaskReopened:        "Đã mở lại nhiệm vụ.",
	flashExtensionRequested:  "Đã gửi đề nghị gia hạn; Lãnh đạo hoặc Văn phòng sẽ xem xét và quyết định.",
	flashExtensionApproved:   "Đã đồng ý gia hạn; thời hạn mới đã được áp dụng.",
	flashExtensionRefused:    "Đã từ chối đề nghị gia hạn.",
	flashUserCreated:         "Đã tạo người dùng.",
	flashUserSaved:           "Đã lưu người dùng.",
	flashUserPasswordReset:   "Đã đặt lại mật khẩu; người dùng phải đăng nhập lại, các token API của họ đã bị thu hồi.",
	flashPasswordChangedNote: "Đã đổi mật khẩu. Mọi phiên đăng nhập và token API của bạn đã hết hiệu lực: hãy đăng nhập lại bằng mật khẩu mới.",
}

// redirect sends the browser to path after a successful POST, with the
// flash message key ("" for none) and the whole numbers it takes; a
// #fragment of path stays last.
func redirect(w http.ResponseWriter, r *http.Request, path string, key flashKey, nums ...int) error {
	if key != "" {
		q := url.Values{"ok": {string(key)}}
		for _, n := range nums {
			q.Add("n", strconv.Itoa(n))
		}
		base, frag, hasFrag := strings.Cut(path, "#")
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		path = base + sep + q.Encode()
		if hasFrag {
			path += "#" + frag
		}
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
	return nil
}

// flashText is the message a URL's ok= and n= name, or "" when they name
// none.
func flashText(q url.Values) string {
	msg, ok := flashes[flashKey(q.Get("ok"))]
	if !ok {
		return ""
	}
	ns := q["n"]
	if strings.Count(msg, "%d") != len(ns) {
		return ""
	}
	args := make([]any, len(ns))
	for i, s := range ns {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 1_000_000 {
			return ""
		}
		args[i] = n
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}
