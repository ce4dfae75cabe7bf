/** What the bot says around the dashboard Mini App (docs/WEBAPP.md). */
export const dashboardTexts = {
  button: "📊 Mở bảng điều khiển",
  /** The answer to /bangdieukhien, above the button. */
  open: (what: string) => `Bảng điều khiển: ${what}, xếp hạng, lịch sử theo tháng, xuất .xlsx. Bấm nút bên dưới.`,
  leadersWhat: (unit: string) => `các đơn vị thuộc ${unit}`,
  unitWhat: (unit: string) => `tình hình của ${unit}`,
  allWhat: "mọi đơn vị",
  off: "Bảng điều khiển chưa được bật trên máy chủ này. Quản trị viên bật theo hướng dẫn «Bảng điều khiển (Mini App)» trong README.",
  notHere:
    "Bảng điều khiển mở từ nhóm lãnh đạo, nhóm đơn vị hoặc nhóm thủ trưởng đã đăng ký; trong tin nhắn riêng chỉ dành cho lãnh đạo.",
};
