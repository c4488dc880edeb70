// Package bench generates a large organisation — a province with its
// departments and communes, ten years of monthly meetings and as many tasks
// as asked — and benchmarks the pages users wait for on it: the task list
// filtered by unit and status, the dashboard and a task page. It measures
// only: no product package imports it, and it holds no rules — the
// directory, meetings and notices go through the service, the tasks and
// their reports through the store's bulk inserts, one transaction a batch.
package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Config sizes the generated organisation.
type Config struct {
	Tasks       int // tasks in all
	Departments int // sở, ban, ngành (default 20)
	Communes    int // xã, phường (default 100)
	Years       int // years of monthly meetings back from today (default 10)
	Seed        uint64
	// Chunk is how many tasks one transaction writes (default 50,000).
	Chunk int
}

func (c *Config) defaults() {
	if c.Departments == 0 {
		c.Departments = 20
	}
	if c.Communes == 0 {
		c.Communes = 100
	}
	if c.Years == 0 {
		c.Years = 10
	}
	if c.Chunk == 0 {
		c.Chunk = 50000
	}
}

// Org is what the benchmarks need of a generated organisation.
type Org struct {
	OrgID   int64
	Leader  *domain.User // sees every task
	Units   []int64
	MaxTask int64
}

// Password is the password of the generated users.
const Password = "benchmark2026"

var blocks = []string{"Khối Văn hóa - Xã hội", "Khối Kinh tế", "Khối Nội chính"}

var sectors = []string{"Giáo dục", "Y tế", "Văn hóa - Thông tin", "Lao động - Việc làm", "An sinh xã hội",
	"Dân tộc - Tôn giáo", "Nội vụ", "Tư pháp", "Kinh tế", "Chuyển đổi số"}

var departments = []string{"Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Tư pháp",
	"Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Công Thương", "Sở Khoa học và Công nghệ",
	"Sở Dân tộc và Tôn giáo", "Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh",
	"Bảo hiểm xã hội tỉnh", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Cục Thuế tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
	"Ban Quản lý các khu công nghiệp"}

var verbs = []string{"Tham mưu xây dựng kế hoạch", "Rà soát, tổng hợp", "Tăng cường kiểm tra, giám sát", "Đẩy mạnh tuyên truyền",
	"Tổ chức thực hiện", "Báo cáo kết quả thực hiện", "Hướng dẫn các địa phương triển khai", "Đôn đốc hoàn thành"}

var objects = []string{"chỉ tiêu giảm nghèo bền vững", "công tác tuyển sinh năm học mới", "phòng, chống dịch bệnh mùa hè",
	"chuyển đổi số và dịch vụ công trực tuyến", "bảo hiểm y tế hộ gia đình", "an toàn thực phẩm bếp ăn tập thể",
	"tiêu chí văn hóa nông thôn mới", "chính sách đối với người có công", "quản lý di tích lịch sử văn hóa",
	"đào tạo nghề cho lao động nông thôn", "thu hồi nợ quá hạn vốn vay ưu đãi", "hòa giải ở cơ sở",
	"cải cách hành chính", "sắp xếp đội ngũ giáo viên", "phát triển du lịch cộng đồng"}

// Generate builds the organisation on an empty database: directory and users
// through the service, meetings and notices through the service (so they
// are audited and valid), tasks and reports with bulk inserts in
// transactions of cfg.Chunk tasks. Task dates run over cfg.Years years up to
// svc's today, with completions on time and late and open tasks overdue, due
// soon and in time.
func Generate(ctx context.Context, svc *app.Service, cfg Config) (*Org, error) {
	cfg.defaults()
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	org := &domain.Org{Name: "UBND tỉnh Phú Thọ", Level: "tỉnh", Place: "Phú Thọ", Superior: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}
	admin := &domain.User{Username: "admin", FullName: "Quản trị"}
	created, err := svc.Bootstrap(ctx, org, admin, Password)
	if err != nil {
		return nil, err
	}
	if !created {
		return nil, fmt.Errorf("generate: the database already has an organisation")
	}
	var blockIDs, sectorIDs []int64
	for _, n := range blocks {
		b := &domain.Block{Name: n}
		if err := svc.CreateBlock(ctx, admin, b); err != nil {
			return nil, err
		}
		blockIDs = append(blockIDs, b.ID)
	}
	for _, n := range sectors {
		s := &domain.Sector{Name: n}
		if err := svc.CreateSector(ctx, admin, s); err != nil {
			return nil, err
		}
		sectorIDs = append(sectorIDs, s.ID)
	}
	type unitInfo struct{ id, block, sector int64 }
	var depts, communes []unitInfo
	for i := 0; i < cfg.Departments; i++ {
		name := fmt.Sprintf("Sở, ngành %d", i+1)
		if i < len(departments) {
			name = departments[i]
		}
		u := &domain.Unit{Name: name, Kind: "sở, ngành", BlockID: blockIDs[i%len(blockIDs)], SectorID: sectorIDs[i%len(sectorIDs)]}
		if err := svc.CreateUnit(ctx, admin, u); err != nil {
			return nil, err
		}
		depts = append(depts, unitInfo{u.ID, u.BlockID, u.SectorID})
	}
	for i := 0; i < cfg.Communes; i++ {
		u := &domain.Unit{Name: fmt.Sprintf("UBND xã số %03d", i+1), Kind: "xã"}
		if err := svc.CreateUnit(ctx, admin, u); err != nil {
			return nil, err
		}
		communes = append(communes, unitInfo{id: u.ID})
	}
	office := &domain.User{Username: "vanphong", FullName: "Văn phòng", Role: domain.RoleOffice}
	leader := &domain.User{Username: "lanhdao", FullName: "Lãnh đạo", Role: domain.RoleLeader}
	for _, u := range []*domain.User{office, leader} {
		if err := svc.CreateUser(ctx, admin, u, Password); err != nil {
			return nil, err
		}
	}
	// Monthly meetings of each block over the years, each with its notice.
	today := svc.Today()
	type noticeInfo struct {
		id, section, block int64
		issued             domain.Date
	}
	var notices []noticeInfo
	months := cfg.Years * 12
	for m := months - 1; m >= 0; m-- {
		first := domain.NewDate(today.Year, today.Month, 1)
		t := time.Date(first.Year, first.Month-time.Month(m), 10, 0, 0, 0, 0, time.UTC)
		day := domain.DateOf(t)
		if day.AddDays(2).After(today) {
			continue // this month's meeting has not happened yet
		}
		for bi, bid := range blockIDs {
			mt := &domain.Meeting{BlockID: bid, Title: fmt.Sprintf("Hội nghị giao ban %s tháng %d/%d", blocks[bi], day.Month, day.Year),
				Period: domain.PeriodMonth, PeriodYear: day.Year, PeriodNo: int(day.Month), Date: day, Time: "07:30",
				Place: "Hội trường UBND tỉnh", Chair: "Phó Chủ tịch UBND tỉnh"}
			if err := svc.CreateMeeting(ctx, office, mt); err != nil {
				return nil, err
			}
			n := &domain.Notice{MeetingID: mt.ID, Number: fmt.Sprint(len(notices) + 1), Symbol: "TB-UBND", Place: "Phú Thọ",
				IssuedOn: day.AddDays(2), Title: "Kết luận tại " + mt.Title, SignerAuthority: "TL. CHỦ TỊCH",
				SignerTitle: "CHÁNH VĂN PHÒNG", SignerName: "Nguyễn Văn A",
				Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "Nhiệm vụ", Body: "Các đơn vị thực hiện các nhiệm vụ sau."}}}
			if err := svc.CreateNotice(ctx, office, n); err != nil {
				return nil, err
			}
			if _, err := svc.IssueNotice(ctx, office, n.ID, n.Version); err != nil {
				return nil, err
			}
			notices = append(notices, noticeInfo{n.ID, n.Sections[0].ID, bid, n.IssuedOn})
		}
	}
	out := &Org{OrgID: org.ID, Leader: leader}
	for _, u := range append(depts, communes...) {
		out.Units = append(out.Units, u.id)
	}
	at := func(d domain.Date, hour int) time.Time {
		return time.Date(d.Year, d.Month, d.Day, hour, rng.IntN(60), 0, 0, domain.Location)
	}
	between := func(a, b domain.Date) domain.Date { // a day in [a, b]
		if n := b.Sub(a); n > 0 {
			return a.AddDays(rng.IntN(n + 1))
		}
		return a
	}
	for start := 0; start < cfg.Tasks; start += cfg.Chunk {
		end := min(start+cfg.Chunk, cfg.Tasks)
		tasks := make([]store.BulkTask, 0, end-start)
		type plan struct {
			progress []domain.Date
			done     domain.Date
			unit     int64
		}
		plans := make([]plan, 0, end-start)
		for i := start; i < end; i++ {
			n := notices[int(int64(i)*int64(len(notices))/int64(cfg.Tasks))]
			var lead unitInfo
			if rng.IntN(10) < 6 {
				lead = depts[rng.IntN(len(depts))]
			} else {
				lead = communes[rng.IntN(len(communes))]
			}
			t := domain.Task{OrgID: org.ID, NoticeID: n.id, SectionID: n.section, Lead: []int64{lead.id}, SectorID: lead.sector,
				Text: fmt.Sprintf("%s %s (nhiệm vụ số %d).", verbs[rng.IntN(len(verbs))], objects[rng.IntN(len(objects))], i+1),
				Key:  rng.IntN(20) == 0}
			if t.SectorID == 0 {
				t.SectorID = sectorIDs[rng.IntN(len(sectorIDs))]
			}
			for k := rng.IntN(3); k > 0; k-- {
				s := depts[rng.IntN(len(depts))].id
				if s != lead.id {
					t.Support = append(t.Support, s)
				}
			}
			switch r := rng.IntN(100); {
			case r < 75:
				t.Deadline = domain.Deadline{Kind: domain.DeadlineDate, Date: n.issued.AddDays(10 + rng.IntN(110))}
			case r < 85:
				t.Deadline = domain.Deadline{Kind: domain.DeadlineMonth, Date: n.issued.AddDays(30)}
			default:
				t.Deadline = domain.Deadline{Kind: domain.DeadlineNone}
			}
			t.Refresh()
			var p plan
			p.unit = lead.id
			due := t.DueOn
			switch r := rng.IntN(100); {
			case !due.IsZero() && due.Before(today):
				if r < 70 {
					p.done = between(n.issued, due)
				} else if r < 92 {
					p.done = between(due.AddDays(1), min2(due.AddDays(60), today))
				}
			case due.IsZero():
				if r < 50 && today.Sub(n.issued) > 90 {
					p.done = between(n.issued, today)
				}
			default:
				if r < 25 {
					p.done = between(n.issued, today)
				}
			}
			end := today
			if !p.done.IsZero() {
				end = p.done
			}
			for k := rng.IntN(3); k > 0; k-- {
				p.progress = append(p.progress, between(n.issued, end))
			}
			sortDates(p.progress)
			t.CreatedAt = at(n.issued, 8)
			t.LastUpdateAt = t.CreatedAt
			t.Percent = 0
			if len(p.progress) > 0 {
				t.Percent = 20 * len(p.progress)
				t.LastUpdateAt = at(p.progress[len(p.progress)-1], 10)
			}
			if !p.done.IsZero() {
				t.DoneOn, t.Percent = p.done, 100
				t.LastUpdateAt = at(p.done, 15)
			}
			tasks = append(tasks, store.BulkTask{Task: t, BlockID: n.block, CreatedBy: office.ID})
			plans = append(plans, p)
		}
		err := svc.Store().Transact(ctx, func(tx *store.Tx) error {
			if err := tx.BulkTasks(ctx, tasks); err != nil {
				return err
			}
			var reports []domain.Report
			for i, p := range plans {
				t := &tasks[i].Task
				for k, d := range p.progress {
					reports = append(reports, domain.Report{TaskID: t.ID, UnitID: p.unit, Percent: 20 * (k + 1), CreatedAt: at(d, 10),
						Body: fmt.Sprintf("Đã triển khai, ước đạt %d%% khối lượng công việc.", 20*(k+1))})
				}
				if !p.done.IsZero() {
					reports = append(reports, domain.Report{TaskID: t.ID, UnitID: p.unit, Percent: 100, Completion: true,
						CreatedAt: at(p.done, 15), Body: "Đã hoàn thành nhiệm vụ, gửi báo cáo kết quả."})
				}
			}
			return tx.BulkReports(ctx, reports)
		})
		if err != nil {
			return nil, fmt.Errorf("generate tasks %d–%d: %w", start, end, err)
		}
		out.MaxTask = tasks[len(tasks)-1].ID
	}
	if err := svc.Store().Analyze(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

func min2(a, b domain.Date) domain.Date {
	if a.Before(b) {
		return a
	}
	return b
}

func sortDates(ds []domain.Date) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Before(ds[j-1]); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}
