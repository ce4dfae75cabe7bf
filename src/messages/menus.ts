/**
 * The command menu Telegram shows beside the message box, one per kind of chat and role: a unit
 * group sees what its officers do, a leaders' group what leaders do, an administrator's private
 * chat the administrator's tools. Each list names only commands that answer there
 * (src/bot/features/*), most used first.
 */
import type { BotCommand } from "grammy/types";

export type MenuKind = "default" | "private" | "privateLeader" | "privateAdmin" | "group" | "unit" | "leaders" | "head";

const c = (command: string, description: string): BotCommand => ({ command, description });

const help = c("help", "Hướng dẫn: lệnh dùng được ở đây");
const id = c("id", "Xem id Telegram của bạn");
const donvi = c("donvi", "Tra cứu mã đơn vị: /donvi <tên>");
const chithi = c("chithi", "Các văn bản chỉ đạo đang áp dụng");
const tinhtrang = c("tinhtrang", "Tình hình thực hiện chỉ tiêu");
const bieudo = c("bieudo", "Biểu đồ các đơn vị");
const bangdieukhien = c("bangdieukhien", "Mở bảng điều khiển (xếp hạng, lịch sử, .xlsx)");
const quahan = c("quahan", "Hồ sơ quá hạn và sắp quá hạn");
const hoso = c("hoso", "Tra một hồ sơ: /hoso <mã>");
const dsquahan = c("dsquahan", "Danh sách đơn vị có hồ sơ quá hạn (.xlsx)");
const nhap = c("nhap", "Gửi bảng số liệu (.xlsx, .csv)");
const mau = c("mau", "Tải tệp mẫu báo cáo");
const nhaphoso = c("nhaphoso", "Gửi danh sách hồ sơ (.xlsx, .csv)");
const nguoiduyet = c("nguoiduyet", "Người duyệt văn bản xin lỗi của đơn vị");

export const MENUS: Record<MenuKind, readonly BotCommand[]> = {
  default: [help],
  private: [help, id, donvi, chithi],
  privateLeader: [help, tinhtrang, bieudo, bangdieukhien, chithi, donvi, id],
  privateAdmin: [
    help,
    c("quyen", "Ai đang giữ quyền gì"),
    c("capquyen", "Cấp quyền: trả lời tin nhắn của người đó, hoặc @tên"),
    c("thuquyen", "Thu quyền: /thuquyen @tên hoặc id"),
    chithi,
    tinhtrang,
    bieudo,
    bangdieukhien,
    dsquahan,
    nhap,
    mau,
    nhaphoso,
    nguoiduyet,
    donvi,
    id,
  ],
  group: [c("dangky", "Đăng ký nhóm với đơn vị: /dangky <mã>"), donvi, help],
  unit: [
    c("nop", "Báo cáo số liệu: /nop <tổng số> <trực tuyến>"),
    tinhtrang,
    bangdieukhien,
    c("nhiemvu", "Nhiệm vụ được giao và hạn"),
    c("xong", "Báo hoàn thành nhiệm vụ: /xong <mã>"),
    nhap,
    mau,
    nhaphoso,
    quahan,
    hoso,
    chithi,
    help,
  ],
  leaders: [tinhtrang, bangdieukhien, bieudo, quahan, hoso, dsquahan, help],
  head: [tinhtrang, bangdieukhien, quahan, hoso, nguoiduyet, help],
};

const chiso = c("chiso", "Điểm chỉ số phục vụ (QĐ 766) và cách tăng điểm");

/**
 * The menu of a kind, with `/chiso` after `/tinhtrang` where leaders and units look at standings —
 * only in a deployment that has a scored index loaded: elsewhere it would answer only "chưa nạp".
 */
export function menuOf(kind: MenuKind, opts: { index: boolean }): readonly BotCommand[] {
  const menu = MENUS[kind];
  if (!opts.index) return menu;
  const at = menu.indexOf(tinhtrang);
  return at < 0 ? menu : [...menu.slice(0, at + 1), chiso, ...menu.slice(at + 1)];
}
