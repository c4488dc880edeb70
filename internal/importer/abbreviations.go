package importer

// abbreviations expands standard Vietnamese administrative abbreviations
// (folded key -> expansion). An expansion is used only when the document
// itself uses the full form, or when a directory resolves it.
var abbreviations = map[string]string{
	"gd&dt": "Giáo dục và Đào tạo", "gddt": "Giáo dục và Đào tạo", "gd-dt": "Giáo dục và Đào tạo",
	"ld-tb&xh": "Lao động - Thương binh và Xã hội", "ldtb&xh": "Lao động - Thương binh và Xã hội",
	"ldtbxh": "Lao động - Thương binh và Xã hội", "ld-tbxh": "Lao động - Thương binh và Xã hội",
	"vh&tt": "Văn hóa và Thông tin", "vh-tt": "Văn hóa và Thông tin", "vhtt": "Văn hóa và Thông tin",
	"vh-tt-dl": "Văn hóa, Thể thao và Du lịch", "vhttdl": "Văn hóa, Thể thao và Du lịch",
	"vh-tt&dl": "Văn hóa, Thể thao và Du lịch", "vh,tt&dl": "Văn hóa, Thể thao và Du lịch",
	"bhxh": "Bảo hiểm xã hội", "bhyt": "Bảo hiểm y tế", "nhcsxh": "Ngân hàng Chính sách xã hội",
	"tn&mt": "Tài nguyên và Môi trường", "tnmt": "Tài nguyên và Môi trường",
	"nn&ptnt": "Nông nghiệp và Phát triển nông thôn", "nnptnt": "Nông nghiệp và Phát triển nông thôn",
	"kt&ht": "Kinh tế và Hạ tầng", "kt-ht": "Kinh tế và Hạ tầng", "ktht": "Kinh tế và Hạ tầng",
	"tc-kh": "Tài chính - Kế hoạch", "tckh": "Tài chính - Kế hoạch", "tc&kh": "Tài chính - Kế hoạch",
	"ubmttq": "Ủy ban Mặt trận Tổ quốc", "mttq": "Mặt trận Tổ quốc", "ttyt": "Trung tâm Y tế",
	"kbnn": "Kho bạc Nhà nước", "ldld": "Liên đoàn Lao động", "gdnn-gdtx": "Giáo dục nghề nghiệp - Giáo dục thường xuyên",
	"ds-khhgd": "Dân số - Kế hoạch hóa gia đình", "csxh": "Chính sách xã hội", "qlda": "Quản lý dự án",
	"ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân", "bch": "Ban Chỉ huy", "qs": "Quân sự",
	"bcd": "Ban Chỉ đạo", "ntm": "nông thôn mới", "cqcm": "cơ quan chuyên môn", "dvsn": "đơn vị sự nghiệp",
	"vhxh": "Văn hóa - Xã hội", "vh-xh": "Văn hóa - Xã hội", "kt-xh": "Kinh tế - Xã hội",
	"gd": "Giáo dục", "yt": "Y tế", "nv": "Nội vụ", "tp": "Tư pháp",
	"tt-th": "Truyền thanh - Truyền hình", "ttth": "Truyền thanh - Truyền hình", "tt&th": "Truyền thanh - Truyền hình",
	"lhpn": "Liên hiệp Phụ nữ", "hlhpn": "Hội Liên hiệp Phụ nữ", "hnd": "Hội Nông dân", "hccb": "Hội Cựu chiến binh",
	"ccb": "Cựu chiến binh", "tncs": "Thanh niên Cộng sản", "dtn": "Đoàn Thanh niên", "mttqvn": "Mặt trận Tổ quốc Việt Nam",
	"ubmttqvn": "Ủy ban Mặt trận Tổ quốc Việt Nam", "bql": "Ban Quản lý", "bqlda": "Ban Quản lý dự án",
	"vh-tt-tt": "Văn hóa - Thông tin - Thể thao", "ttvh": "Trung tâm Văn hóa",
	"bchqs": "Ban Chỉ huy Quân sự", "ca": "Công an",
}

// headAbbreviations expand an abbreviation only after its head ("Đoàn
// TN" is the youth union; "TN" alone could be anything).
var headAbbreviations = map[string]string{
	"đoàn tn": "Thanh niên", "đoàn tncs": "Thanh niên Cộng sản", "hội nd": "Nông dân", "hội pn": "Phụ nữ",
	"bch qs": "Quân sự", "hội ccb": "Cựu chiến binh", "hội ctđ": "Chữ thập đỏ", "hội ctd": "Chữ thập đỏ",
}

// keptAbbreviations stay abbreviated: they are the standard written form.
var keptAbbreviations = map[string]bool{"ubnd": true, "hdnd": true, "hdnd-ubnd": true, "hdnd&ubnd": true}
