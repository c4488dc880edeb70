package importer

// The words unit names are made of: the heads that open them, the nouns
// of collectives, the roles before them and the words that end them.

// unitHeads are the words that open a unit name (lower case, longest
// first within a shared first word). selfContained heads are units even
// without a following name.
var unitHeads = []string{
	"ủy ban mặt trận tổ quốc", "uỷ ban mặt trận tổ quốc", "ủy ban nhân dân", "uỷ ban nhân dân",
	"ban chỉ huy quân sự", "bộ chỉ huy quân sự", "ban quản lý", "ban chỉ đạo", "ban",
	"mặt trận tổ quốc", "liên đoàn lao động", "đoàn thanh niên", "hội liên hiệp phụ nữ", "hội nông dân",
	"hội cựu chiến binh", "hội chữ thập đỏ", "hội",
	"văn phòng", "phòng giao dịch", "phòng", "trung tâm", "bảo hiểm xã hội", "ngân hàng",
	"trường", "sở", "bệnh viện", "công an", "chi cục", "cục", "hạt kiểm lâm", "đài",
	"huyện đoàn", "thành đoàn", "tỉnh đoàn", "huyện ủy", "huyện uỷ", "thành ủy", "kho bạc nhà nước", "kho bạc",
	"chi nhánh", "bưu điện", "điện lực", "công ty", "khối", "hội đồng", "thanh tra", "viện kiểm sát",
	"tòa án", "toà án", "chi cục thuế", "đội", "tổ công tác", "trạm y tế", "trạm",
	"ubnd", "hđnd", "ubmttq", "bhxh", "nhcsxh", "ttyt", "viettel", "vnpt", "mobifone", "kbnn", "lđlđ",
	"bch", "bcđ", "ban cđ", "bql", "đảng ủy", "đảng uỷ", "quân sự", "ngành", "thị trấn", "xã", "phường", "tổ", "đoàn",
	"thường trực",
}

// levelEnds are the words that end a level name ("huyện", "thị trấn").
var levelEnds = map[string]bool{"huyện": true, "tỉnh": true, "xã": true, "phường": true, "trấn": true, "quận": true, "phố": true}

// namedHeads name a unit only before a capitalised name ("ngành Y tế",
// "xã Vĩnh Phú", "Tổ Thông tin - Tuyên truyền"); capitalHeads only when
// capitalised themselves ("Quân sự").
var (
	namedHeads   = map[string]bool{"ngành": true, "thị trấn": true, "xã": true, "phường": true, "tổ": true, "đoàn": true, "thường trực": true}
	capitalHeads = map[string]bool{"quân sự": true}
)

// capitalNamed heads, capitalised, name a unit before a lower-case name
// too ("Tổ trật tự đô thị", "Đoàn kiểm tra liên ngành"), unless the next
// word makes them a verb or another noun (notNames: "Tổ chức", "Đoàn thể").
var (
	capitalNamed = map[string]bool{"tổ": true, "đoàn": true}
	notNames     = map[string]bool{"chức": true, "thể": true, "kết": true, "viên": true, "trưởng": true, "phó": true}
)

// groupNouns name a working group that a direction verb may address by a
// lower-case name ("yêu cầu tổ thư ký tiếp thu ...", "giao nhóm công tác
// ...").
var groupNouns = []string{"tiểu ban", "tổ", "nhóm", "đội", "ban", "hội đồng", "bộ phận"}

// numberedHeads take a number as their name ("Tổ công tác 137").
var numberedHeads = map[string]bool{"tổ công tác": true, "tổ": true, "đội": true, "ban chỉ đạo": true, "trạm": true, "khu": true, "trường": true}

// eventWords follow "hội" in events, not associations ("Hội nghị").
var eventWords = map[string]bool{"nghị": true, "thảo": true, "thi": true, "chợ": true, "diễn": true, "khỏe": true, "xuân": true, "đàm": true, "ý": true}

// Indexed phrase sets.
var (
	unitHeadSet   = newPhraseSet(unitHeads)
	collectiveSet = newPhraseSet(collectiveNouns)
	roleSet       = newPhraseSet(roleWords)
)

// selfContainedHeads are heads that name a unit on their own.
var selfContainedHeads = map[string]bool{
	"bảo hiểm xã hội": true, "công an": true, "thanh tra": true, "viettel": true, "vnpt": true,
	"mobifone": true, "bưu điện": true, "điện lực": true, "huyện đoàn": true, "thành đoàn": true,
	"tỉnh đoàn": true, "bhxh": true, "nhcsxh": true, "ttyt": true, "kbnn": true, "lđlđ": true,
	"mặt trận tổ quốc": true, "ủy ban mặt trận tổ quốc": true, "uỷ ban mặt trận tổ quốc": true,
	"ubmttq": true, "liên đoàn lao động": true, "kho bạc nhà nước": true, "kho bạc": true,
	"hạt kiểm lâm": true, "chi cục thuế": true, "viện kiểm sát": true, "tòa án": true, "toà án": true,
	"ban chỉ huy quân sự": true, "huyện ủy": true, "huyện uỷ": true, "thành ủy": true,
	"hội liên hiệp phụ nữ": true, "hội nông dân": true, "hội cựu chiến binh": true, "hội chữ thập đỏ": true,
	"đoàn thanh niên": true, "trạm y tế": true, "đảng ủy": true, "đảng uỷ": true, "quân sự": true, "ban chỉ đạo": true, "bcđ": true, "ban cđ": true, "acronym": true,
}

// collectiveNouns follow "các" in collective unit names ("các cơ quan, đơn
// vị", "các xã, thị trấn").
var collectiveNouns = []string{
	"cơ quan", "đơn vị", "địa phương", "nhà trường", "trường học", "doanh nghiệp", "công ty",
	"đoàn thể", "tổ chức", "trung tâm", "thành viên", "thị trấn", "bệnh viện", "hợp tác xã",
	"phòng", "ban", "ngành", "xã", "phường", "sở", "trường", "hội", "trạm", "huyện", "cấp",
	"chi hội", "hội đoàn thể", "đài", "cơ sở", "thôn", "khu phố", "tổ dân phố",
	"chuyên môn", "bộ phận", "cá nhân", "ban ngành", "phòng ban", "tổ chức đoàn thể",
	"ấp", "bản", "buôn", "xóm", "khóm", "khu dân cư", "tổ", "thành phố", "thị xã", "quận",
}

// roleWords precede a unit and are dropped ("Thủ trưởng các cơ quan").
var roleWords = []string{
	"thủ trưởng", "lãnh đạo", "người đứng đầu", "giám đốc", "chủ tịch", "trưởng phòng", "trưởng các",
	"cán bộ", "chánh văn phòng",
}

// unitStops are lower-case words that end a unit name.
var unitStops = map[string]bool{
	"chủ": true, "phối": true, "tham": true, "thực": true, "tổ": true, "triển": true, "tăng": true,
	"tiếp": true, "chịu": true, "ban": true, "rà": true, "xây": true, "chỉ": true, "hướng": true,
	"kiểm": true, "đôn": true, "nghiên": true, "tập": true, "cần": true, "phải": true, "khẩn": true,
	"căn": true, "theo": true, "trong": true, "để": true, "với": true, "về": true, "tại": true,
	"trên": true, "đưa": true, "quan": true, "khảo": true, "đề": true, "báo": true, "đảm": true,
	"bảo": true, "nâng": true, "đẩy": true, "cung": true, "giải": true, "thẩm": true, "tiến": true,
	"là": true, "được": true, "đã": true, "sẽ": true, "đang": true, "nhằm": true, "cho": true,
	"từ": true, "đến": true, "khi": true, "nếu": true, "hoàn": true, "thường": true, "kịp": true,
	"có": true, "không": true, "chưa": true, "cùng": true, "giữa": true, "làm": true, "lập": true,
	"trình": true, "gửi": true, "xin": true, "nắm": true, "đánh": true, "phát": true, "duy": true,
	"hỗ": true, "vận": true, "tuyên": true, "phổ": true, "quản": true, "sớm": true, "khắc": true,
	"chấn": true, "rút": true, "tích": true, "nghiêm": true, "giám": true, "cập": true, "đồng": true,
	"ngay": true, "thông": true, "tổng": true, "chuẩn": true, "bố": true, "dự": true, "tuyển": true,
	"sửa": true, "mua": true, "vay": true, "thu": true, "chi": true, "trả": true, "bàn": true,
	"như": true, "nhưng": true, "hoặc": true, "thì": true, "mà": true, "này": true, "đó": true,
	"nên": true, "luôn": true, "cũng": true, "vẫn": true, "hết": true, "chú": true, "lưu": true,
	"ưu": true, "bám": true, "góp": true, "xem": true, "xử": true, "ký": true, "nhận": true,
	"nghe": true, "ghi": true, "biểu": true, "quyết": true, "yêu": true, "giao": true, "năm": true,
	"tháng": true, "quý": true, "kết": true, "nhấn": true, "phân": true, "nhanh": true, "họp": true, "thống": true, "ngày": true, "trước": true, "sau": true, "nhất": true, "và": true,
	"số": true, "của": true, "do": true, "bằng": true, "vì": true, "ở": true, "tới": true,
}

// nameCompounds are two-syllable words inside unit names whose second
// syllable would otherwise end the name ("Phát triển", "việc làm").
var nameCompounds = map[string]bool{
	"phát triển": true, "việc làm": true, "đầu tư": true, "kế hoạch": true, "xây dựng": true,
	"tổ chức": true, "kiểm tra": true, "giải phóng": true, "chuyển đổi": true, "khám chữa": true,
	"hỗ trợ": true, "thông tin": true, "bảo vệ": true, "quản lý": true, "cứu nạn": true,
	"truyền thông": true, "truyền thanh": true, "truyền hình": true, "phát thanh": true, "hành chính": true,
	"thương mại": true, "dịch vụ": true, "tổng hợp": true, "xã hội": true, "dân vận": true,
	"tư xây": true, "đô thị": true, "thư ký": true, "tham mưu": true,
}

// levelWords are administrative level words dropped at the end of names.
var levelWords = []string{"thành phố", "thị xã", "huyện", "tỉnh", "quận"}
