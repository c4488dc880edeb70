package importer

// The words the prose rules look for.

// elaborationOpeners open a sentence that spells out the one before
// ("Trong đó, ..."): it keeps the addressee of that sentence.
var elaborationOpeners = []string{"trong đó", "cụ thể"}

// proseOpeners open a sentence that goes on from the one before.
var proseOpeners = []string{
	"trong đó", "cụ thể là", "cụ thể", "đồng thời", "bên cạnh đó", "ngoài ra", "đặc biệt là", "đặc biệt",
	"trước mắt", "mặt khác", "tiếp đó", "sau đó", "vì vậy", "do đó", "từ đó", "cùng với đó", "nhất là", "riêng",
	"song song với đó", "song song đó", "theo đó",
	"thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "một là", "hai là", "ba là", "bốn là", "năm là",
	"sáu là",
}

// enumerators open the items of an enumeration in prose ("Thứ nhất, ...;
// Thứ hai, ...").
var enumerators = []string{
	"thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "một là", "hai là", "ba là", "bốn là", "năm là", "sáu là",
}

// adverbialStarts open a fronted phrase that a comma closes ("Trong quý
// II, ...", "Kết luận cuộc họp, ...") before the subject.
var adverbialStarts = map[string]bool{
	"trong": true, "trên": true, "trước": true, "sau": true, "để": true, "tại": true, "qua": true,
	"về": true, "theo": true, "riêng": true, "nhằm": true, "từ": true, "đến": true, "khi": true,
	"nếu": true, "cùng": true, "ngoài": true, "bên": true, "nhân": true, "sáng": true, "chiều": true,
	"tối": true, "ngày": true, "hiện": true, "dịp": true,
}

// adverbialPhrases open a fronted phrase too.
var adverbialPhrases = []string{
	"đối với", "căn cứ", "kết luận", "phát biểu", "chủ trì", "liên quan", "thông qua", "thời gian tới", "với",
}

// directionVerbs are the verbs the chair directs with.
var directionVerbs = []string{"yêu cầu", "đề nghị", "giao", "chỉ đạo", "phân công", "nhấn mạnh", "lưu ý"}

// fronted reports a fronted adverbial phrase at i.
func fronted(toks []token, i int) bool {
	return i < len(toks) && (adverbialStarts[toks[i].low] || adverbialSet.count(toks, i) > 0)
}

// reportWords after a subject report what it did, said or plans ("các đơn
// vị đã báo cáo", "TP sẽ tổ chức").
var reportWords = []string{
	"đã", "đang", "vừa", "được", "sẽ", "dự kiến", "vẫn", "còn", "chưa", "không", "là", "báo cáo", "thông tin",
	"trình bày", "phát biểu", "nêu", "cho biết", "đề xuất", "kiến nghị", "đề nghị", "thảo luận", "góp ý", "tham gia",
	"nghe", "ghi nhận", "biểu dương", "đánh giá", "chia sẻ", "trao đổi", "thống nhất", "bày tỏ", "mong muốn",
	"cũng đã", "cũng được", "đều", "có",
}

// modalWords make the work after them an obligation ("cần", "phải").
var modalWords = []string{"cần phải", "cần", "phải", "có trách nhiệm", "chịu trách nhiệm"}

// directiveAdverbs may follow a subject that is being directed ("X khẩn
// trương ...").
var directiveAdverbs = []string{
	"khẩn trương", "chủ động", "tích cực", "tiếp tục", "tập trung", "quan tâm", "thường xuyên", "kịp thời",
	"nghiêm túc", "sớm", "cũng cần", "phối hợp", "chủ trì", "tăng cường", "đẩy mạnh",
}

// nominalActions are nouns of action whose "của X" names who acts ("tăng
// cường công tác phối hợp của các phòng, ban").
var nominalActions = []string{
	"sự vào cuộc", "sự phối hợp", "sự tham gia", "sự chỉ đạo", "sự lãnh đạo", "sự quan tâm", "công tác phối hợp",
	"vai trò giám sát", "vai trò", "tinh thần trách nhiệm", "trách nhiệm",
}

// assessmentOpeners open a sentence or item that praises, acknowledges or
// agrees ("Đánh giá cao ...", "Thống nhất nội dung ...") rather than
// directs: it is a task only when it also names who must act.
var assessmentOpeners = []string{
	"đánh giá cao", "biểu dương", "ghi nhận", "hoan nghênh", "khen ngợi", "thống nhất", "nhất trí", "đồng ý",
	"cơ bản thống nhất", "cơ bản nhất trí", "chúc mừng", "cảm ơn", "trân trọng cảm ơn",
}

// flagProse marks the first words of the prose rules' phrase sets.
var flagProse = newWordFlag()

// Phrase sets of the prose rules.
var (
	elaborationSet   = newPhraseSetFlag(elaborationOpeners, flagProse)
	openerSet        = newPhraseSetFlag(proseOpeners, flagProse)
	adverbialSet     = newPhraseSetFlag(adverbialPhrases, flagProse)
	directionSet     = newPhraseSetFlag(directionVerbs, flagProse)
	reportSet        = newPhraseSetFlag(reportWords, flagProse)
	modalSet         = newPhraseSetFlag(modalWords, flagProse)
	adverbSet        = newPhraseSetFlag(directiveAdverbs, flagProse)
	personHeadSet    = newPhraseSetFlag(personHeads, flagProse)
	officialTitleSet = newPhraseSetFlag(officialTitles, flagProse)
	levelNounSet     = newPhraseSetFlag(levelNouns, flagProse)
	enumeratorSet    = newPhraseSetFlag(enumerators, flagProse)
	assessmentSet    = newPhraseSetFlag(assessmentOpeners, flagProse)
)
