package api

// route is one line of the API's route table.
type route struct {
	method string
	path   string
	h      handler
	// public routes need no token (the API's own description).
	public bool
}

// routes is the one route table of the JSON API. Handler registers it and
// a test checks that the OpenAPI document describes every line of it.
func (s *Server) routes() []route {
	return []route{
		{method: "GET", path: "/api/v1/openapi.json", h: s.openAPI, public: true},

		// The caller and the directory.
		{method: "GET", path: "/api/v1/me", h: s.me},
		{method: "GET", path: "/api/v1/directory", h: s.directory},
		{method: "POST", path: "/api/v1/units", h: s.unitCreate},
		{method: "PUT", path: "/api/v1/units/{id}", h: s.unitUpdate},
		{method: "POST", path: "/api/v1/blocks", h: s.blockCreate},
		{method: "POST", path: "/api/v1/sectors", h: s.sectorCreate},
		{method: "POST", path: "/api/v1/groups", h: s.groupCreate},
		{method: "PUT", path: "/api/v1/groups/{id}", h: s.groupUpdate},

		// Meetings and notices.
		{method: "GET", path: "/api/v1/meetings", h: s.meetings},
		{method: "POST", path: "/api/v1/meetings", h: s.meetingCreate},
		{method: "GET", path: "/api/v1/meetings/{id}", h: s.meeting},
		{method: "PUT", path: "/api/v1/meetings/{id}", h: s.meetingUpdate},
		{method: "GET", path: "/api/v1/notices", h: s.notices},
		{method: "POST", path: "/api/v1/notices", h: s.noticeCreate},
		{method: "GET", path: "/api/v1/notices/{id}", h: s.notice},
		{method: "PUT", path: "/api/v1/notices/{id}", h: s.noticeUpdate},
		{method: "POST", path: "/api/v1/notices/{id}/issue", h: s.noticeIssue},
		{method: "POST", path: "/api/v1/notices/{id}/correct", h: s.noticeCorrect},

		// Tasks and their follow-up.
		{method: "GET", path: "/api/v1/tasks", h: s.tasks},
		{method: "POST", path: "/api/v1/tasks", h: s.taskCreate},
		{method: "GET", path: "/api/v1/tasks/{id}", h: s.task},
		{method: "PUT", path: "/api/v1/tasks/{id}", h: s.taskUpdate},
		{method: "POST", path: "/api/v1/tasks/{id}/reports", h: s.reportCreate},
		{method: "POST", path: "/api/v1/tasks/{id}/event-date", h: s.taskEventDate},
		{method: "POST", path: "/api/v1/tasks/{id}/reopen", h: s.taskReopen},
		{method: "POST", path: "/api/v1/tasks/{id}/extensions", h: s.extensionCreate},
		{method: "POST", path: "/api/v1/extensions/{id}/decide", h: s.extensionDecide},
		{method: "GET", path: "/api/v1/attachments/{id}", h: s.attachment},
		{method: "POST", path: "/api/v1/tasks/{id}/expand-group", h: s.taskExpandGroup},
		{method: "POST", path: "/api/v1/tasks/{id}/resolve", h: s.taskResolve},
		{method: "POST", path: "/api/v1/tasks/{id}/confirm-change", h: s.taskConfirmChange},
		{method: "POST", path: "/api/v1/tasks/{id}/discard-change", h: s.taskDiscardChange},
		{method: "GET", path: "/api/v1/dashboard", h: s.dashboard},
		{method: "GET", path: "/api/v1/search", h: s.search},

		// Administration.
		{method: "GET", path: "/api/v1/audit", h: s.audit},
		{method: "GET", path: "/api/v1/users", h: s.users},
		{method: "POST", path: "/api/v1/users", h: s.userCreate},
		{method: "PUT", path: "/api/v1/users/{id}", h: s.userUpdate},
	}
}
