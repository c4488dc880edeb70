package domain

import "errors"

// Sentinel errors shared by every layer; the web layer maps them to statuses.
// Messages are Vietnamese because they reach users as they are.
var (
	// ErrNotFound: the thing does not exist, or the user may not know it exists.
	ErrNotFound = errors.New("không tìm thấy")
	// ErrForbidden: the user is known but may not do this.
	ErrForbidden = errors.New("bạn không có quyền thực hiện thao tác này")
	// ErrUnauthenticated: no valid session or token.
	ErrUnauthenticated = errors.New("cần đăng nhập")
	// ErrInvalid: the input breaks a rule; wrapped with the rule's message.
	ErrInvalid = errors.New("dữ liệu không hợp lệ")
	// ErrConflict: someone else saved this record since it was opened (optimistic locking).
	ErrConflict = errors.New("bản ghi đã được người khác sửa sau khi bạn mở; hãy tải lại trang, xem thay đổi rồi lưu lại")
	// ErrDuplicate: a unique name or number is already taken.
	ErrDuplicate = errors.New("đã tồn tại")
	// ErrTooLarge: an upload or input is over its size limit.
	ErrTooLarge = errors.New("tệp quá lớn")
	// ErrThrottled: too many attempts; try later.
	ErrThrottled = errors.New("quá nhiều lần thử, vui lòng thử lại sau ít phút")
)
