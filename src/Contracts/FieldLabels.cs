namespace KhuyenCong.Contracts;

/// <summary>A request field's label for people: Vietnamese, the programme's language, and English for those who chose it.</summary>
public sealed record FieldLabel(string Vietnamese, string English);

/// <summary>
/// The one table of the labels of the fields the services read, keyed by the field's name in the API (camelCase,
/// as in the <c>errors</c> map of a 400). The services name a field by its label in every message a person reads,
/// and the web app uses the same label wherever a message is shown away from its input, so a refusal never
/// shows an API name. A field inside a list or an object (<c>members[2].position</c>) is labelled by its last
/// segment (<c>position</c>).
/// </summary>
public static class FieldLabels
{
    /// <summary>The name under which a problem with the request as a whole (a body that cannot be read) is filed.</summary>
    public const string WholeRequest = "$";

    public static readonly IReadOnlyDictionary<string, FieldLabel> All = new Dictionary<string, FieldLabel>(StringComparer.OrdinalIgnoreCase)
    {
        [WholeRequest] = new("Nội dung yêu cầu", "Request body"),

        // Proposals: drafting, appraisal, implementation and settlement.
        ["title"] = new("Tên", "Title"),
        ["fundingSource"] = new("Nguồn kinh phí", "Funding source"),
        ["planYear"] = new("Năm kế hoạch", "Plan year"),
        ["contentGroup"] = new("Nhóm nội dung", "Content group"),
        ["activity"] = new("Hoạt động hỗ trợ", "Support activity"),
        ["units"] = new("Số đơn vị tính định mức", "Units counted by the norm"),
        ["unit"] = new("Đơn vị tính", "Unit"),
        ["implementingUnit"] = new("Đơn vị thực hiện", "Implementing unit"),
        ["objectives"] = new("Mục tiêu", "Objectives"),
        ["beneficiaryTaxCodes"] = new("Cơ sở thụ hưởng", "Beneficiaries"),
        ["budget"] = new("Kinh phí", "Budget"),
        ["totalBudget"] = new("Tổng kinh phí", "Total budget"),
        ["stateSupport"] = new("Kinh phí khuyến công hỗ trợ", "State support"),
        ["ownCapital"] = new("Vốn đối ứng của cơ sở", "Own capital"),
        ["otherSources"] = new("Nguồn vốn khác", "Other sources"),
        ["estimate"] = new("Dự toán chi tiết", "Detailed estimate"),
        ["item"] = new("Nội dung chi", "Item"),
        ["isManagementCost"] = new("Chi phí quản lý", "Management cost"),
        ["expectedJobs"] = new("Số lao động dự kiến tạo việc làm", "Expected jobs"),
        ["expectedAverageWage"] = new("Thu nhập bình quân dự kiến", "Expected average wage"),
        ["pilotStartYear"] = new("Đề án điểm: từ năm", "Pilot start year"),
        ["pilotEndYear"] = new("Đề án điểm: đến năm", "Pilot end year"),
        ["pilotShares"] = new("Phân kỳ kinh phí", "Support by year"),
        ["isPriorityArea"] = new("Địa bàn ưu tiên", "Priority area"),
        ["receivedOn"] = new("Ngày nhận hồ sơ", "Received on"),
        ["council"] = new("Hội đồng", "Council"),
        ["members"] = new("Thành viên hội đồng", "Council members"),
        ["userId"] = new("Thành viên", "Member"),
        ["position"] = new("Chức vụ", "Position"),
        ["chair"] = new("Chủ tịch hội đồng", "Chair"),
        ["memberId"] = new("Ghế thành viên", "Member's seat"),
        ["establishmentId"] = new("Cơ sở thụ hưởng", "Beneficiary establishment"),
        ["decisionNumber"] = new("Số quyết định", "Decision number"),
        ["decisionDate"] = new("Ngày quyết định", "Decision date"),
        ["approvedSupport"] = new("Kinh phí hỗ trợ được duyệt", "Approved support"),
        ["contractNumber"] = new("Số hợp đồng", "Contract number"),
        ["contractDate"] = new("Ngày ký hợp đồng", "Contract date"),
        ["contractValue"] = new("Giá trị hợp đồng", "Contract value"),
        ["signedOn"] = new("Ngày ký", "Signed on"),
        ["plannedEndOn"] = new("Ngày dự kiến hoàn thành", "Planned end date"),
        ["period"] = new("Kỳ báo cáo", "Period"),
        ["percentDone"] = new("Tỷ lệ khối lượng hoàn thành", "Share of work done"),
        ["kind"] = new("Loại", "Kind"),
        ["file"] = new("Tệp", "File"),
        ["amount"] = new("Số tiền", "Amount"),
        ["paidOn"] = new("Ngày chi", "Paid on"),
        ["documentNumber"] = new("Số chứng từ", "Document number"),
        ["acceptedOn"] = new("Ngày nghiệm thu", "Accepted on"),
        ["completedOn"] = new("Ngày hoàn thành", "Completed on"),
        ["outputs"] = new("Kết quả đạt được", "Outputs"),
        ["jobsCreated"] = new("Số việc làm tạo ra", "Jobs created"),
        ["settledOn"] = new("Ngày quyết toán", "Settled on"),
        ["settledSupport"] = new("Kinh phí hỗ trợ quyết toán", "Settled support"),
        ["actualTotalSpend"] = new("Tổng chi thực tế", "Actual total spend"),
        ["actualSupportUsed"] = new("Kinh phí hỗ trợ đã sử dụng", "Support actually used"),
        ["actualOwnCapital"] = new("Vốn đối ứng thực tế", "Actual own capital"),
        ["actualOtherSources"] = new("Nguồn khác thực tế", "Actual other sources"),
        ["stateSupportSpent"] = new("Kinh phí hỗ trợ đã chi", "State support spent"),
        ["ownCapitalSpent"] = new("Vốn đối ứng đã chi", "Own capital spent"),
        ["otherSourcesSpent"] = new("Nguồn khác đã chi", "Other sources spent"),
        ["refundedOn"] = new("Ngày nộp trả", "Refunded on"),
        ["evaluatedOn"] = new("Ngày đánh giá", "Evaluated on"),
        ["jobs"] = new("Số việc làm", "Jobs"),
        ["averageWage"] = new("Thu nhập bình quân", "Average wage"),
        ["revenue"] = new("Doanh thu", "Revenue"),
        ["equipmentInUse"] = new("Thiết bị đang sử dụng", "Equipment in use"),
        ["rating"] = new("Đánh giá", "Rating"),
        ["regressionReason"] = new("Lý do lùi trạng thái", "Reason for going back"),
        ["fitWithRules"] = new("Phù hợp quy định", "Fit with the rules"),
        ["objectivesAndEfficiency"] = new("Mục tiêu và hiệu quả", "Objectives and efficiency"),
        ["budgetReasonableness"] = new("Dự toán hợp lý", "Reasonable budget"),
        ["unitCapacity"] = new("Năng lực đơn vị", "Unit's capacity"),
        ["combinationWithOtherProgrammes"] = new("Lồng ghép chương trình khác", "Combination with other programmes"),
        ["dossierCompleteness"] = new("Hồ sơ đầy đủ", "Complete dossier"),

        // Reference data: norms, administrative units, priority areas.
        ["effectiveFrom"] = new("Ngày hiệu lực", "Effective from"),
        ["legalBasis"] = new("Căn cứ pháp lý", "Legal basis"),
        ["cap"] = new("Mức hỗ trợ tối đa", "Cap"),
        ["share"] = new("Tỷ lệ hỗ trợ", "Share"),
        ["shareOfCost"] = new("Tỷ lệ hỗ trợ trên chi phí", "Share of cost"),
        ["priorityMultiplier"] = new("Hệ số địa bàn ưu tiên", "Priority-area multiplier"),
        ["formerDistrictCode"] = new("Mã quận, huyện trước sắp xếp", "Former district code"),
        ["maxShare"] = new("Tỷ lệ tối đa", "Maximum share"),
        ["minProgressPercent"] = new("Tiến độ tối thiểu (%)", "Minimum progress (%)"),
        ["fromYear"] = new("Từ năm", "From year"),
        ["toYear"] = new("Đến năm", "To year"),
        ["code"] = new("Mã", "Code"),
        ["validFrom"] = new("Hiệu lực từ ngày", "Valid from"),
        ["validTo"] = new("Hiệu lực đến ngày", "Valid to"),

        // Establishments.
        ["taxCode"] = new("Mã số thuế", "Tax code"),
        ["establishmentTaxCode"] = new("Mã số thuế của cơ sở", "Establishment's tax code"),
        ["hostEstablishmentTaxCode"] = new("Mã số thuế của cơ sở đăng cai", "Host establishment's tax code"),
        ["name"] = new("Tên", "Name"),
        ["type"] = new("Loại hình", "Type"),
        ["sector"] = new("Ngành nghề", "Sector"),
        ["address"] = new("Địa chỉ", "Address"),
        ["district"] = new("Quận, huyện", "District"),
        ["province"] = new("Tỉnh, thành phố", "Province"),
        ["country"] = new("Quốc gia", "Country"),
        ["representative"] = new("Người đại diện", "Representative"),
        ["phone"] = new("Số điện thoại", "Phone"),
        ["email"] = new("Thư điện tử", "E-mail"),
        ["employees"] = new("Số lao động", "Employees"),
        ["administrativeUnitCode"] = new("Đơn vị hành chính", "Administrative unit"),
        ["unitCode"] = new("Đơn vị hành chính", "Administrative unit"),

        // Training.
        ["trade"] = new("Nghề đào tạo", "Trade"),
        ["startDate"] = new("Ngày bắt đầu", "Start date"),
        ["endDate"] = new("Ngày kết thúc", "End date"),
        ["capacity"] = new("Số chỗ", "Capacity"),
        ["location"] = new("Địa điểm", "Location"),
        ["instructors"] = new("Giảng viên", "Instructors"),
        ["extraSupportPerParticipant"] = new("Hỗ trợ thêm cho mỗi học viên", "Extra support per participant"),
        ["fullName"] = new("Họ tên", "Full name"),
        ["birthYear"] = new("Năm sinh", "Birth year"),
        ["gender"] = new("Giới tính", "Gender"),
        ["ethnicGroup"] = new("Dân tộc", "Ethnic group"),
        ["traineeId"] = new("Học viên", "Trainee"),
        ["topic"] = new("Chủ đề buổi học", "Topic"),
        ["presentEnrolmentIds"] = new("Học viên có mặt", "Trainees present"),
        ["outcomes"] = new("Kết quả sau khóa học", "Outcomes"),
        ["enrolmentId"] = new("Lượt ghi danh", "Enrolment"),
        ["employed"] = new("Có việc làm", "Employed"),
        ["registeredOn"] = new("Ngày vào sổ", "Registered on"),
        ["joinWaitingList"] = new("Vào danh sách chờ", "Join the waiting list"),

        // Fairs.
        ["organiser"] = new("Đơn vị tổ chức", "Organiser"),
        ["venue"] = new("Địa điểm tổ chức", "Venue"),
        ["boothCount"] = new("Số gian hàng", "Booth count"),
        ["boothRent"] = new("Giá thuê một gian hàng", "Booth rent"),
        ["rentSharePercent"] = new("Tỷ lệ hỗ trợ tiền thuê (%)", "Rent share (%)"),
        ["maxRentSharePercent"] = new("Tỷ lệ hỗ trợ tiền thuê tối đa (%)", "Maximum rent share (%)"),
        ["extraCostsDescription"] = new("Chi phí khác", "Extra costs"),
        ["registrationDeadline"] = new("Hạn đăng ký", "Registration deadline"),
        ["products"] = new("Sản phẩm trưng bày", "Products shown"),
        ["boothsWanted"] = new("Số gian hàng đăng ký", "Booths wanted"),
        ["contact"] = new("Người liên hệ", "Contact"),
        ["booths"] = new("Số gian hàng phân bổ", "Booths allocated"),
        ["contractsSigned"] = new("Số hợp đồng đã ký", "Contracts signed"),
        ["visitors"] = new("Số khách tham quan", "Visitors"),
        ["sales"] = new("Doanh số bán hàng", "Sales"),
        ["supportResults"] = new("Kết quả hỗ trợ", "Support results"),
        ["productionAndBusiness"] = new("Tình hình sản xuất, kinh doanh", "Production and business"),
        ["from"] = new("Từ ngày", "From"),
        ["to"] = new("Đến ngày", "To"),
        ["on"] = new("Ngày", "On"),

        // Products: competitions, entries, certificates.
        ["level"] = new("Cấp bình chọn", "Level"),
        ["year"] = new("Năm", "Year"),
        ["region"] = new("Khu vực", "Region"),
        ["scheduleDecisionNumber"] = new("Số quyết định tổ chức", "Schedule decision number"),
        ["scheduleDecisionDate"] = new("Ngày quyết định tổ chức", "Schedule decision date"),
        ["registrationOpensOn"] = new("Bắt đầu nhận hồ sơ", "Registration opens on"),
        ["registrationClosesOn"] = new("Hết hạn nhận hồ sơ", "Registration closes on"),
        ["publishedOn"] = new("Ngày công bố", "Published on"),
        ["heldOn"] = new("Ngày tổ chức", "Held on"),
        ["answeredOn"] = new("Ngày trả lời", "Answered on"),
        ["issuedOn"] = new("Ngày cấp", "Issued on"),
        ["reportedOn"] = new("Ngày báo cáo", "Reported on"),
        ["revokedOn"] = new("Ngày thu hồi", "Revoked on"),
        ["productName"] = new("Tên sản phẩm", "Product name"),
        ["group"] = new("Nhóm sản phẩm", "Product group"),
        ["description"] = new("Mô tả", "Description"),
        ["lowerLevelCertificateNumber"] = new("Số giấy chứng nhận cấp dưới", "Lower-level certificate number"),
        ["market"] = new("Điểm thị trường và khả năng sản xuất", "Market score"),
        ["technical"] = new("Điểm kinh tế, kỹ thuật, xã hội và môi trường", "Technical score"),
        ["cultural"] = new("Điểm văn hóa và thẩm mỹ", "Cultural score"),
        ["other"] = new("Điểm khác", "Other score"),
        ["recognisedEntryIds"] = new("Sản phẩm được công nhận", "Recognised entries"),
        ["entryId"] = new("Sản phẩm", "Entry"),
        ["complainant"] = new("Người khiếu nại", "Complainant"),
        ["content"] = new("Nội dung", "Content"),
        ["answer"] = new("Trả lời", "Answer"),
        ["recognise"] = new("Công nhận", "Recognise"),
        ["reason"] = new("Lý do", "Reason"),
        ["notes"] = new("Ghi chú", "Notes"),

        // The annual plan: budget envelopes and calls for registration.
        ["note"] = new("Ghi chú", "Note"),
        ["exceedPlan"] = new("Quyết định phê duyệt vượt kế hoạch", "Decision to exceed the plan"),
        ["callId"] = new("Đợt đăng ký", "Call for registration"),
        ["deadline"] = new("Hạn đăng ký", "Registration deadline"),
        ["contentGroups"] = new("Các nhóm nội dung được mời", "Content groups invited"),

        // National proposals sent to the Ministry.
        ["dispatchNumber"] = new("Số công văn", "Dispatch number"),
        ["sentOn"] = new("Ngày gửi", "Sent on"),
        ["complete"] = new("Hồ sơ đủ", "Dossier complete"),
        ["outcome"] = new("Quyết định của Bộ", "Ministry's decision"),

        // A unit's consolidation of a call's registrations.
        ["priority"] = new("Thứ tự ưu tiên của địa phương", "Unit's priority"),
        ["opinion"] = new("Ý kiến của địa phương", "Unit's opinion"),
        ["dispatchDate"] = new("Ngày công văn", "Dispatch date"),

        // Identity.
        ["userName"] = new("Tên đăng nhập", "User name"),
        ["displayName"] = new("Tên hiển thị", "Display name"),
        ["password"] = new("Mật khẩu", "Password"),
        ["newPassword"] = new("Mật khẩu mới", "New password"),
        ["role"] = new("Vai trò", "Role"),
        ["roles"] = new("Vai trò", "Roles"),

        // Lists and reports.
        ["q"] = new("Từ khóa tìm kiếm", "Search text"),
        ["page"] = new("Trang", "Page"),
        ["pageSize"] = new("Số dòng mỗi trang", "Page size"),
        ["format"] = new("Định dạng tệp", "File format"),
        ["source"] = new("Nguồn kinh phí", "Funding source"),

        // Notifications: reminder preferences and unsubscribe links.
        ["emailEnabled"] = new("Nhận thư nhắc việc qua thư điện tử", "Reminders by e-mail"),
        ["digestEnabled"] = new("Bản tổng hợp việc cần làm mỗi ngày", "Daily digest"),
        ["kinds"] = new("Loại việc", "Kinds of task"),
        ["token"] = new("Liên kết hủy nhận thư", "Unsubscribe link"),
        ["groupBy"] = new("Nhóm theo", "Group by"),
    };

    /// <summary>The label of <paramref name="field"/> (an <c>errors</c> key, such as <c>members[2].position</c>), or null when the table has none.</summary>
    public static FieldLabel? Of(string field) => All.GetValueOrDefault(LastSegment(field));

    /// <summary>The Vietnamese label of <paramref name="field"/>; a field the table lacks reads as "Giá trị" rather than as its API name.</summary>
    public static string VietnameseOf(string field) => Of(field)?.Vietnamese ?? "Giá trị";

    /// <summary>The English label of <paramref name="field"/>; a field the table lacks reads as "Value".</summary>
    public static string EnglishOf(string field) => Of(field)?.English ?? "Value";

    /// <summary>The member a path names: <c>members[2].position</c> → <c>position</c>, <c>products[0]</c> → <c>products</c>.</summary>
    public static string LastSegment(string field)
    {
        var path = field.Trim();
        while (path.EndsWith(']') && path.LastIndexOf('[') is var open and > 0)
        {
            path = path[..open];
        }
        var dot = path.LastIndexOf('.');
        var last = dot >= 0 && dot < path.Length - 1 ? path[(dot + 1)..] : path;
        return last.Length == 0 ? WholeRequest : last;
    }
}
