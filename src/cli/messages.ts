/** Vietnamese wording of the admin CLI (STYLE.md habit 4: text lives in one place). */
import type { DirectivePlan } from "../domain/directive/dryRun.js";
import { formatProblem, type DirectiveProblem } from "../domain/directive/problems.js";
import { planLines, plainStyle } from "../messages/directives.js";

/** The example every role message shows, so the admin can copy it. */
const GRANT_EXAMPLE = "dondoc grant 123456789 lanhdao";
/** A running bot reads the directives at start (or after a change made in the bot itself). */
const RESTART = " Bot đang chạy sẽ nhận thay đổi này khi khởi động lại.";

export const cliMessages = {
  programDescription: "dondoc — công cụ quản trị: kiểm tra văn bản chỉ đạo, đánh giá chỉ tiêu",
  helpOption: "hiển thị hướng dẫn",
  helpCommand: "hiển thị hướng dẫn của một lệnh",
  seeHelp: "Xem hướng dẫn: dondoc --help, hoặc dondoc <lệnh> --help.",
  noCommand: "Chưa chọn lệnh.",
  unknownOption: (opt: string) => `Tùy chọn không hợp lệ: ${opt}.`,
  unknownCommand: (cmd: string) => `Không có lệnh "${cmd}".`,
  missingArgument: (arg: string) => `Thiếu đối số bắt buộc <${arg}>.`,
  optionMissingArgument: (opt: string) => `Tùy chọn ${opt} cần một giá trị.`,
  missingOption: (opt: string) => `Thiếu tùy chọn bắt buộc ${opt}.`,
  excessArguments: "Thừa đối số.",
  badArguments: (detail: string) => `Tham số không hợp lệ: ${detail}`,
  unexpected: (detail: string) => `Lỗi không mong đợi: ${detail}`,

  // dondoc directive check
  directiveGroup: "văn bản chỉ đạo: kiểm tra tệp (YAML/JSON); tạm dừng, áp dụng lại, gỡ văn bản đã nạp",
  checkDescription: "kiểm tra một tệp văn bản chỉ đạo và in những gì đã hiểu",
  checkInvalid: (path: string, count: number) => `Tệp ${path} KHÔNG hợp lệ: ${count} lỗi.`,
  checkProblem: (p: DirectiveProblem) => `  - ${formatProblem(p)}`,
  checkMoreProblems: (count: number) => `  … và ${count} lỗi khác.`,
  checkValid: (path: string) => `Tệp ${path} hợp lệ.`,
  checkIdentity: (number: string, id: string, issuer: string, issuedOn: string) =>
    `Văn bản: ${number} (${id}) — ${issuer}, ngày ${issuedOn}`,
  checkJurisdiction: (issuingUnit: string | undefined) =>
    issuingUnit === undefined
      ? "Phạm vi: văn bản trung ương, ràng buộc mọi đơn vị"
      : `Đơn vị ban hành: ${issuingUnit} (ràng buộc các đơn vị thuộc ${issuingUnit})`,
  checkCount: (label: string, count: number, detail = "") => `${label}: ${count}${detail ? ` (${detail})` : ""}`,
  checkMilestoneSpan: (from: string, to: string) => `từ ${from} đến ${to}`,
  checkUnits: (count: number, path: string) => `Danh sách đơn vị: ${count} đơn vị (${path})`,
  checkNoUnits: "Danh sách đơn vị: không có (văn bản không khai báo unitsFile)",

  // dondoc evaluate
  evaluateDescription: "đánh giá số liệu của một đơn vị (hoặc một cấp) theo chỉ tiêu, tại một ngày",
  optDirective: "tệp văn bản chỉ đạo (lặp lại được để đánh giá theo nhiều văn bản)",
  optUnit: "mã đơn vị",
  optTier: "mã cấp đơn vị",
  optIndicator: "mã chỉ tiêu",
  optAsOf: "ngày đánh giá (YYYY-MM-DD hoặc dd/mm/yyyy)",
  optNumerator: "tử số, ví dụ số hồ sơ trực tuyến",
  optDenominator: "mẫu số, ví dụ tổng số hồ sơ",
  optJson: "in kết quả dạng JSON",
  needDirective: "Thiếu --directive <tệp>: cần ít nhất một tệp văn bản chỉ đạo.",
  directiveInvalid: (path: string) =>
    `Không đánh giá được: tệp ${path} không hợp lệ (chạy "dondoc directive check ${path}" để xem chi tiết).`,
  needUnitOrTier: "Cần --unit <mã đơn vị> hoặc --tier <mã cấp>.",
  badDate: (text: string) =>
    `Ngày --as-of không hợp lệ: "${text}". Dùng YYYY-MM-DD hoặc dd/mm/yyyy, ví dụ 2023-09-30 hoặc 30/09/2023.`,
  badCount: (option: string, text: string) =>
    `${option} phải là số nguyên không âm, ví dụ 120 hoặc 1.234 (nhận được "${text}").`,
  needBothFigures: "Cần cả --numerator và --denominator (bỏ cả hai để xem đơn vị chưa báo cáo).",
  countOneFigure: "Chỉ tiêu này là số lượng: chỉ dùng --numerator <số> (không có --denominator).",
  badFigures: (problem: string) => `Số liệu không hợp lệ: ${problem}.`,
  unknownIndicator: (code: string, known: string) => `Không có chỉ tiêu "${code}". Các mã chỉ tiêu: ${known}.`,
  unknownTier: (code: string, known: string) => `Không có cấp "${code}". Các mã cấp: ${known}.`,
  unknownUnit: (code: string, examples: string) =>
    `Không tìm thấy đơn vị "${code}" trong danh sách đơn vị, nhóm hay phạm vi chỉ tiêu của văn bản.${examples ? ` Ví dụ mã hợp lệ: ${examples}.` : ""}`,
  tierMismatch: (code: string, actual: string, given: string) =>
    `Đơn vị "${code}" thuộc cấp "${actual}", không phải "${given}".`,
  evaluatedUnit: (label: string, asOf: string) => `Đơn vị: ${label} — ngày đánh giá ${asOf}`,
  unitLabel: (name: string | undefined, code: string | undefined, tier: string | undefined) =>
    [[name, code && name ? `(${code})` : code].filter(Boolean).join(" "), tier ? `cấp: ${tier}` : undefined]
      .filter(Boolean)
      .join(", "),

  // dondoc load / grant / revoke
  loadDescription:
    "nạp chỉ thị hoặc danh sách đơn vị vào cơ sở dữ liệu (DATABASE_URL); văn bản được xem trước và chỉ áp dụng khi trả lời c (hoặc --yes)",
  loadFilesArgument: "tệp .yaml, .yml hoặc .json",
  loadUnreadable: (file: string) =>
    `✗ ${file}: không đọc được tệp. Kiểm tra lại đường dẫn (và quyền đọc tệp) rồi chạy lại.`,
  loadInvalidDirective: (file: string, count: number) =>
    `✗ ${file}: ${count} lỗi, chưa nạp gì. Chạy "dondoc directive check ${file}" để xem các lỗi, sửa xong thì nạp lại.`,
  loadInvalidUnits: (file: string, count: number) =>
    `✗ ${file}: ${count} lỗi, chưa nạp gì. Sửa các lỗi dưới đây rồi nạp lại.`,
  loadedUnits: (file: string, count: number, created: number, updated: number) =>
    `✓ ${file}: ${count} đơn vị (${created} mới, ${updated} cập nhật).`,
  loadedDirective: (file: string, number: string, created: boolean) =>
    `✓ ${file}: ${number} — ${created ? "đã nạp" : "đã cập nhật"}.`,
  loadedIndex: (file: string, number: string, created: boolean) =>
    `✓ ${file}: bộ chỉ số ${number} — ${created ? "đã nạp" : "đã cập nhật"}.`,
  loadYesOption: "áp dụng văn bản ngay, không hỏi lại",
  loadPlan: (file: string, plan: DirectivePlan) =>
    [`— ${file}`, ...planLines(plan, plainStyle).map((l) => `  ${l}`)].join("\n"),
  loadConfirm: "Áp dụng? (c/k) ",
  loadNotApplied: (files: readonly string[]) =>
    `Chưa áp dụng văn bản nào (cần trả lời c). Để áp dụng không cần hỏi: dondoc load --yes ${files.join(" ")}`,
  loadUnknownUnits: (count: number, codes: string) =>
    `  ! ${count} mã đơn vị chưa có: ${codes}. Nạp danh sách đơn vị trước bằng "dondoc load <danh-sách-đơn-vị.yaml>", rồi nạp lại văn bản này.`,
  // dondoc directive pause / resume / remove
  pauseDescription: "tạm dừng một văn bản đã nạp: thôi ràng buộc đơn vị, không nhắc việc",
  resumeDescription: "áp dụng lại một văn bản đang tạm dừng",
  removeDescription: "gỡ một văn bản đã nạp (số liệu đã báo cáo được giữ)",
  directiveIdArgument: "mã văn bản (id trong tệp), ví dụ bac-ninh-10-ct-ubnd-2023",
  directiveNotFound: (id: string, known: readonly string[]) =>
    `Chưa nạp văn bản nào có mã "${id}". ${known.length > 0 ? `Các mã đã nạp: ${known.join(", ")}.` : "Chưa nạp văn bản nào: dondoc load <tệp>."}`,
  paused: (number: string, id: string) =>
    `✓ Đã tạm dừng ${number} (${id}): văn bản thôi ràng buộc đơn vị và không nhắc việc. Áp dụng lại: dondoc directive resume ${id}.${RESTART}`,
  resumed: (number: string, id: string) => `✓ Đã áp dụng lại ${number} (${id}).${RESTART}`,
  removed: (number: string, id: string) =>
    `✓ Đã gỡ ${number} (${id}). Số liệu các đơn vị đã báo cáo vẫn được giữ; muốn dùng lại thì nạp lại tệp.${RESTART}`,
  alreadyPaused: (number: string, id: string) =>
    `${number} đang tạm dừng rồi, không thay đổi gì. Áp dụng lại: dondoc directive resume ${id}.`,
  alreadyActive: (number: string) => `${number} đang được áp dụng rồi, không thay đổi gì.`,
  // dondoc index remove
  indexGroup: "bộ chỉ số có điểm (docs/INDEX.md): gỡ bộ chỉ số đã nạp",
  indexRemoveDescription: "gỡ một bộ chỉ số đã nạp (số liệu đã báo cáo được giữ)",
  indexCodeArgument: "mã bộ chỉ số (code trong tệp), ví dụ qd-766-ttg-2022",
  indexNotFound: (code: string, known: readonly string[]) =>
    `Chưa nạp bộ chỉ số nào có mã "${code}". ${known.length > 0 ? `Các mã đã nạp: ${known.join(", ")}.` : "Chưa nạp bộ chỉ số nào: dondoc load <tệp>."}`,
  indexRemoved: (number: string, code: string) =>
    `✓ Đã gỡ bộ chỉ số ${number} (${code}). Số liệu các đơn vị đã báo cáo vẫn được giữ; muốn dùng lại thì nạp lại tệp.${RESTART}`,
  grantDescription: "cấp quyền: dondoc grant <id Telegram> quantri|lanhdao",
  revokeDescription: "thu quyền: dondoc revoke <id Telegram>",
  badTelegramId: (id: string, example = GRANT_EXAMPLE) =>
    `Id Telegram "${id}" không hợp lệ: id Telegram phải là số (tối đa 15 chữ số), ví dụ: ${example}.`,
  revokeExample: "dondoc revoke 123456789",
  badRole: (role: string) =>
    `Vai trò "${role}" không hợp lệ: vai trò phải là quantri hoặc lanhdao, ví dụ: ${GRANT_EXAMPLE}.`,
  granted: (role: string, id: string) => `✓ Đã cấp quyền ${role} cho ${id}.`,
  revoked: (id: string) => `✓ Đã thu quyền của ${id}.`,
  noRoleToRevoke: (id: string) => `${id} chưa có quyền nào.`,
} as const;
