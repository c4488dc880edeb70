package web

import "net/http"

// routePages is the route table of the HTML pages. Every page handler is
// wrapped by s.page (session, CSRF, errors) except the login form.
func (s *Server) routePages(mux *http.ServeMux) {
	// Session and account.
	mux.HandleFunc("GET /login", s.loginForm)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.page(s.logout))
	mux.HandleFunc("GET /account", s.page(s.account))
	mux.HandleFunc("POST /account/password", s.page(s.changePassword))
	mux.HandleFunc("POST /account/tokens", s.page(s.createToken))
	mux.HandleFunc("POST /account/tokens/{id}/revoke", s.page(s.revokeToken))

	// Follow-up: dashboard, tasks, reports, extensions, search.
	mux.HandleFunc("GET /{$}", s.page(s.dashboard))
	mux.HandleFunc("GET /search", s.page(s.search))
	mux.HandleFunc("GET /tasks", s.page(s.taskList))
	mux.HandleFunc("GET /tasks/new", s.page(s.taskNew))
	mux.HandleFunc("POST /tasks", s.page(s.taskCreate))
	mux.HandleFunc("GET /tasks/{id}", s.page(s.taskShow))
	mux.HandleFunc("GET /tasks/{id}/edit", s.page(s.taskEdit))
	mux.HandleFunc("POST /tasks/{id}", s.page(s.taskUpdate))
	mux.HandleFunc("POST /tasks/{id}/reports", s.page(s.reportCreate))
	mux.HandleFunc("POST /tasks/{id}/event-date", s.page(s.taskEventDate))
	mux.HandleFunc("POST /tasks/{id}/reopen", s.page(s.taskReopen))
	mux.HandleFunc("POST /tasks/{id}/extensions", s.page(s.extensionCreate))
	mux.HandleFunc("POST /extensions/{id}/decide", s.page(s.extensionDecide))
	mux.HandleFunc("GET /attachments/{id}", s.page(s.attachment))
	mux.HandleFunc("GET /tasks/unresolved", s.page(s.taskUnresolved))
	mux.HandleFunc("POST /tasks/{id}/expand-group", s.page(s.taskExpandGroup))
	mux.HandleFunc("GET /tasks/{id}/resolve", s.page(s.taskResolveForm))
	mux.HandleFunc("POST /tasks/{id}/resolve", s.page(s.taskResolve))
	mux.HandleFunc("POST /tasks/{id}/confirm-change", s.page(s.taskConfirmChange))
	mux.HandleFunc("POST /tasks/{id}/discard-change", s.page(s.taskDiscardChange))

	// Meetings and notices.
	mux.HandleFunc("GET /meetings", s.page(s.meetingList))
	mux.HandleFunc("GET /meetings/new", s.page(s.meetingNew))
	mux.HandleFunc("POST /meetings", s.page(s.meetingCreate))
	mux.HandleFunc("GET /meetings/{id}", s.page(s.meetingShow))
	mux.HandleFunc("GET /meetings/{id}/edit", s.page(s.meetingEdit))
	mux.HandleFunc("POST /meetings/{id}", s.page(s.meetingUpdate))
	mux.HandleFunc("GET /notices", s.page(s.noticeList))
	mux.HandleFunc("GET /notices/new", s.page(s.noticeNew))
	mux.HandleFunc("POST /notices", s.page(s.noticeCreate))
	mux.HandleFunc("GET /notices/{id}", s.page(s.noticeShow))
	mux.HandleFunc("GET /notices/{id}/edit", s.page(s.noticeEdit))
	mux.HandleFunc("POST /notices/{id}", s.page(s.noticeUpdate))
	mux.HandleFunc("POST /notices/{id}/issue", s.page(s.noticeIssue))
	mux.HandleFunc("POST /notices/{id}/correct", s.page(s.noticeCorrect))

	// Importing notices from files or pasted text.
	mux.HandleFunc("GET /import", s.page(s.importForm))
	mux.HandleFunc("POST /import", s.page(s.importUpload))
	mux.HandleFunc("GET /import/{id}", s.page(s.importReview))
	mux.HandleFunc("POST /import/{id}", s.page(s.importSave))
	mux.HandleFunc("POST /import/{id}/units", s.page(s.importAddUnit))
	mux.HandleFunc("POST /import/{id}/tasks", s.page(s.importAddTask))
	mux.HandleFunc("POST /import/{id}/confirm", s.page(s.importConfirm))

	// Directory and administration.
	mux.HandleFunc("GET /units", s.page(s.unitList))
	mux.HandleFunc("POST /units", s.page(s.unitCreate))
	mux.HandleFunc("GET /units/{id}/edit", s.page(s.unitEdit))
	mux.HandleFunc("POST /units/{id}", s.page(s.unitUpdate))
	mux.HandleFunc("POST /blocks", s.page(s.blockCreate))
	mux.HandleFunc("GET /groups/new", s.page(s.groupNew))
	mux.HandleFunc("POST /groups", s.page(s.groupCreate))
	mux.HandleFunc("GET /groups/{id}/edit", s.page(s.groupEdit))
	mux.HandleFunc("POST /groups/{id}", s.page(s.groupUpdate))
	mux.HandleFunc("POST /sectors", s.page(s.sectorCreate))
	mux.HandleFunc("POST /org", s.page(s.orgUpdate))
	mux.HandleFunc("POST /presets/{name}", s.page(s.presetLoad))
	mux.HandleFunc("GET /admin/users", s.page(s.userList))
	mux.HandleFunc("POST /admin/users", s.page(s.userCreate))
	mux.HandleFunc("GET /admin/users/{id}/edit", s.page(s.userEdit))
	mux.HandleFunc("POST /admin/users/{id}", s.page(s.userUpdate))
	mux.HandleFunc("POST /admin/users/{id}/password", s.page(s.userPassword))
	mux.HandleFunc("GET /admin/audit", s.page(s.auditLog))

	// Exports (pages_export.go): Excel lists under the page's filters, the
	// stocktake report, notice documents, and secret calendar links. The
	// calendar feed takes no session: the secret in its path is the credential.
	mux.HandleFunc("GET /tasks/export.xlsx", s.page(s.taskExport))
	mux.HandleFunc("GET /dashboard/export.xlsx", s.page(s.dashboardExport))
	mux.HandleFunc("GET /reports/stocktake", s.page(s.stocktakePage))
	mux.HandleFunc("GET /reports/stocktake.docx", s.page(s.stocktakeDownload))
	mux.HandleFunc("GET /reports/stocktake.xlsx", s.page(s.stocktakeDownload))
	mux.HandleFunc("GET /notices/{id}/docx", s.page(s.noticeDOCX))
	mux.HandleFunc("GET /notices/{id}/pdf", s.page(s.noticePDF))
	mux.HandleFunc("GET /account/calendars", s.page(s.calendarPage))
	mux.HandleFunc("POST /account/calendars", s.page(s.calendarCreate))
	mux.HandleFunc("POST /account/calendars/{id}/revoke", s.page(s.calendarRevoke))
	mux.HandleFunc("GET /cal/{file}", s.calendarFeed)
}
