namespace KhuyenCong.Contracts;

/// <summary>A code's name for people: Vietnamese, the programme's language, and English for those who chose it.</summary>
public sealed record CodeName(string Vietnamese, string English);

/// <summary>
/// The one table of the names of the platform's codes (statuses, kinds, groups, roles), read by the web
/// app and by the exports alike so that a status reads the same on a page and in a spreadsheet. A code is
/// keyed by its type and value as they travel between the services (<c>ProposalStatus.Draft</c>): many
/// codes belong to one service's domain and are known elsewhere only by name, so the key is the name.
/// The wording follows the names DOMAIN.md and the legal texts give (content groups: Decree 45, Art. 4).
/// </summary>
public static class CodeNames
{
    /// <summary>The code under which the platform's roles (<c>Admin</c>, <c>Officer</c>…) are named.</summary>
    public const string PlatformRole = nameof(PlatformRole);

    public static readonly IReadOnlyDictionary<string, CodeName> All = new Dictionary<string, CodeName>(StringComparer.Ordinal)
    {
        ["ContentGroup.VocationalTraining"] = new("Đào tạo nghề, truyền nghề, nâng cao tay nghề", "Vocational training, craft teaching, skill upgrading"),
        ["ContentGroup.CapacityBuilding"] = new("Nâng cao năng lực quản lý, khởi nghiệp", "Management capacity, start-ups"),
        ["ContentGroup.TechnicalDemonstration"] = new("Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến", "Demonstration models, technology transfer, advanced machinery"),
        ["ContentGroup.TypicalProducts"] = new("Sản phẩm CNNT tiêu biểu, hội chợ, thương hiệu", "Typical products, fairs, brands"),
        ["ContentGroup.Consulting"] = new("Tư vấn", "Consulting"),
        ["ContentGroup.Information"] = new("Thông tin, tuyên truyền", "Information"),
        ["ContentGroup.LinkagesAndClusters"] = new("Liên kết, cụm công nghiệp, xử lý ô nhiễm", "Linkages, clusters, pollution treatment"),
        ["ContentGroup.InternationalCooperation"] = new("Hợp tác quốc tế", "International cooperation"),
        ["ContentGroup.SystemCapacity"] = new("Nâng cao năng lực hệ thống khuyến công", "Capacity of the extension system"),

        ["FundingSource.National"] = new("Khuyến công quốc gia", "National programme"),
        ["FundingSource.Local"] = new("Khuyến công địa phương", "Local programme"),

        ["ProposalStatus.Draft"] = new("Bản nháp", "Draft"),
        ["ProposalStatus.Submitted"] = new("Đã nộp", "Submitted"),
        ["ProposalStatus.UnderAppraisal"] = new("Đang thẩm định", "Under appraisal"),
        ["ProposalStatus.ReturnedForRevision"] = new("Trả lại để chỉnh sửa", "Returned for revision"),
        ["ProposalStatus.Rejected"] = new("Không phê duyệt", "Rejected"),
        ["ProposalStatus.Approved"] = new("Đã phê duyệt", "Approved"),
        ["ProposalStatus.InImplementation"] = new("Đang thực hiện", "In implementation"),
        ["ProposalStatus.Accepted"] = new("Đã nghiệm thu", "Accepted"),
        ["ProposalStatus.Settled"] = new("Đã quyết toán", "Settled"),
        ["ProposalStatus.Closed"] = new("Đã đóng", "Closed"),
        ["ProposalStatus.Cancelled"] = new("Đã hủy", "Cancelled"),

        ["Sector.MechanicalEngineering"] = new("Cơ khí", "Mechanical engineering"),
        ["Sector.BuildingMaterials"] = new("Vật liệu xây dựng", "Building materials"),
        ["Sector.Ceramics"] = new("Gốm sứ", "Ceramics"),
        ["Sector.MedicinalHerbs"] = new("Dược liệu", "Medicinal herbs"),
        ["Sector.Beverages"] = new("Đồ uống", "Beverages"),
        ["Sector.AgriculturalProducts"] = new("Nông sản", "Agricultural products"),
        ["Sector.SeafoodProcessing"] = new("Chế biến thủy sản", "Seafood processing"),
        ["Sector.WoodProcessing"] = new("Chế biến gỗ", "Wood processing"),
        ["Sector.Handicrafts"] = new("Thủ công mỹ nghệ", "Handicrafts"),
        ["Sector.TextilesAndGarments"] = new("Dệt may", "Textiles and garments"),
        ["Sector.FoodProcessing"] = new("Chế biến thực phẩm", "Food processing"),
        ["Sector.Other"] = new("Khác", "Other"),

        ["EstablishmentType.Sme"] = new("Doanh nghiệp nhỏ và vừa", "Small or medium enterprise"),
        ["EstablishmentType.Cooperative"] = new("Hợp tác xã", "Cooperative"),
        ["EstablishmentType.CooperativeGroup"] = new("Tổ hợp tác", "Cooperative group"),
        ["EstablishmentType.HouseholdBusiness"] = new("Hộ kinh doanh", "Household business"),
        ["EstablishmentType.CleanerProductionFacility"] = new("Cơ sở áp dụng sản xuất sạch hơn", "Cleaner-production facility"),
        ["EstablishmentType.Artisan"] = new("Nghệ nhân", "Artisan"),
        ["EstablishmentType.SustainableProductionFacility"] = new("Cơ sở sản xuất bền vững", "Sustainable-production facility"),
        ["EstablishmentType.ClusterInfrastructureInvestor"] = new("Nhà đầu tư hạ tầng cụm công nghiệp", "Cluster infrastructure investor"),

        ["SupportActivity.DemonstrationModel"] = new("Mô hình trình diễn kỹ thuật", "Demonstration model"),
        ["SupportActivity.AdvancedMachinery"] = new("Máy móc thiết bị tiên tiến", "Advanced machinery"),
        ["SupportActivity.ProductionLine"] = new("Dây chuyền sản xuất", "Production line"),
        ["SupportActivity.RegionalProductCompetition"] = new("Bình chọn sản phẩm cấp khu vực", "Regional product competition"),
        ["SupportActivity.NationalProductCompetition"] = new("Bình chọn sản phẩm cấp quốc gia", "National product competition"),
        ["SupportActivity.BrandBuilding"] = new("Xây dựng thương hiệu", "Brand building"),
        ["SupportActivity.ProgrammeFair"] = new("Hội chợ của chương trình", "Programme fair"),
        ["SupportActivity.OtherDomesticFair"] = new("Hội chợ trong nước khác", "Other domestic fair"),
        ["SupportActivity.OverseasFair"] = new("Hội chợ nước ngoài", "Overseas fair"),
        ["SupportActivity.Consulting"] = new("Tư vấn", "Consulting"),
        ["SupportActivity.RegionalAssociation"] = new("Hiệp hội cấp vùng", "Regional association"),
        ["SupportActivity.NationalAssociation"] = new("Hiệp hội cấp quốc gia", "National association"),
        ["SupportActivity.BusinessCluster"] = new("Cụm liên kết doanh nghiệp", "Business cluster"),
        ["SupportActivity.ClusterInfrastructure"] = new("Hạ tầng cụm công nghiệp", "Cluster infrastructure"),
        ["SupportActivity.PollutionTreatment"] = new("Xử lý ô nhiễm", "Pollution treatment"),
        ["SupportActivity.RelocationInterest"] = new("Hỗ trợ lãi suất di dời", "Relocation interest support"),
        ["SupportActivity.EnterpriseStartUp"] = new("Hỗ trợ thành lập doanh nghiệp", "Enterprise start-up support"),
        ["SupportActivity.OverseasStudyTourAirfare"] = new("Vé máy bay khảo sát nước ngoài", "Airfare of an overseas study tour"),
        ["SupportActivity.CapacityTraining"] = new("Đào tạo, tập huấn, hội thảo", "Training courses and workshops"),
        ["SupportActivity.OperatingFacilityModel"] = new("Mô hình của cơ sở đang hoạt động hiệu quả", "Model of an operating, efficient facility"),
        ["SupportActivity.CleanerProductionPilot"] = new("Mô hình thí điểm sản xuất sạch hơn", "Cleaner-production pilot model"),
        ["SupportActivity.RegionalProductPrize"] = new("Thưởng sản phẩm tiêu biểu cấp khu vực", "Prize for a regional typical product"),
        ["SupportActivity.NationalProductPrize"] = new("Thưởng sản phẩm tiêu biểu cấp quốc gia", "Prize for a national typical product"),
        ["SupportActivity.TradePromotion"] = new("Phòng trưng bày, xúc tiến thương mại khác", "Showrooms and other trade promotion"),
        ["SupportActivity.IndustrialClusterPollutionTreatment"] = new("Xử lý ô nhiễm tại cụm công nghiệp", "Pollution treatment in an industrial cluster"),
        ["SupportActivity.ClusterDetailedPlanning"] = new("Quy hoạch chi tiết cụm công nghiệp", "Detailed planning of an industrial cluster"),
        ["SupportActivity.ClusterInvestmentForum"] = new("Hội nghị, diễn đàn thu hút đầu tư cụm công nghiệp", "Conferences and forums attracting investment in industrial clusters"),

        ["PaymentKind.Advance"] = new("Tạm ứng", "Advance"),
        ["PaymentKind.Balance"] = new("Thanh toán phần còn lại", "Balance"),
        ["EnvelopeEntryKind.Allocation"] = new("Giao dự toán", "Allocation"),
        ["EnvelopeEntryKind.Addition"] = new("Bổ sung dự toán", "Addition"),
        ["EnvelopeEntryKind.Cut"] = new("Cắt giảm dự toán", "Cut"),

        ["HistoryEntryKind.StatusChange"] = new("Chuyển trạng thái", "Status change"),
        ["HistoryEntryKind.PriorityOverride"] = new("Điều chỉnh địa bàn ưu tiên", "Priority area set"),
        ["HistoryEntryKind.Revision"] = new("Sửa đề án", "Edited"),
        ["HistoryEntryKind.Payment"] = new("Chi trả kinh phí", "Payment"),
        ["HistoryEntryKind.AppraisalScored"] = new("Chấm phiếu thẩm định", "Score sheet"),
        ["HistoryEntryKind.AppraisalConflictDeclared"] = new("Khai báo xung đột lợi ích", "Conflict of interest declared"),
        ["HistoryEntryKind.AppraisalCompleted"] = new("Hoàn thành thẩm định", "Appraisal completed"),
        ["HistoryEntryKind.AttachmentAdded"] = new("Đính kèm tài liệu", "Document attached"),
        ["HistoryEntryKind.AttachmentWithdrawn"] = new("Rút tài liệu đính kèm", "Attachment withdrawn"),

        ["DocumentKind.ProposalDescription"] = new("Thuyết minh đề án", "Proposal description"),
        ["DocumentKind.CostEstimate"] = new("Dự toán kinh phí", "Cost estimate"),
        ["DocumentKind.AppraisalMinutes"] = new("Biên bản thẩm định", "Appraisal minutes"),
        ["DocumentKind.ApprovalDecision"] = new("Quyết định phê duyệt", "Approval decision"),
        ["DocumentKind.Contract"] = new("Hợp đồng", "Contract"),
        ["DocumentKind.ProgressReport"] = new("Báo cáo tiến độ", "Progress report"),
        ["DocumentKind.AcceptanceMinutes"] = new("Biên bản nghiệm thu", "Acceptance minutes"),
        ["DocumentKind.SettlementDossier"] = new("Hồ sơ quyết toán", "Settlement dossier"),
        ["DocumentKind.PostSupportEvaluation"] = new("Đánh giá sau hỗ trợ", "Evaluation after support"),
        ["DocumentKind.Photo"] = new("Hình ảnh", "Photo"),
        ["DocumentKind.Other"] = new("Tài liệu khác", "Other document"),
        ["DocumentKind.CoursePlan"] = new("Kế hoạch lớp học", "Course plan"),
        ["DocumentKind.TraineeList"] = new("Danh sách học viên", "Trainee list"),
        ["DocumentKind.CourseClosingMinutes"] = new("Biên bản kết thúc lớp", "Course closing minutes"),
        ["DocumentKind.FairDossier"] = new("Hồ sơ hội chợ", "Fair dossier"),
        ["DocumentKind.BoothContract"] = new("Hợp đồng gian hàng", "Booth contract"),
        ["DocumentKind.FairResultReport"] = new("Báo cáo kết quả hội chợ", "Fair results report"),
        ["DocumentKind.CompetitionRules"] = new("Thể lệ cuộc thi", "Competition rules"),
        ["DocumentKind.EntryDossier"] = new("Hồ sơ dự thi", "Entry dossier"),
        ["DocumentKind.ProductPhoto"] = new("Ảnh sản phẩm", "Product photo"),
        ["DocumentKind.CouncilMinutes"] = new("Biên bản hội đồng", "Council minutes"),
        ["DocumentKind.Certificate"] = new("Giấy chứng nhận", "Certificate"),

        ["NationalSubmissionStatus.Preparing"] = new("Đang lập", "Being prepared"),
        ["NationalSubmissionStatus.Submitted"] = new("Đã gửi Bộ Công Thương", "Sent to the Ministry"),
        ["NationalSubmissionStatus.Decided"] = new("Bộ Công Thương đã quyết định", "Decided by the Ministry"),
        ["MinistryOutcome.Approved"] = new("Bộ phê duyệt", "Approved by the Ministry"),
        ["MinistryOutcome.NotSelected"] = new("Bộ không chọn", "Not selected"),

        ["UnitConsolidationStatus.Preparing"] = new("Địa phương đang tổng hợp", "Being consolidated by the unit"),
        ["UnitConsolidationStatus.Sent"] = new("Đã gửi Trung tâm", "Sent to the Centre"),
        ["UnitOpinion.Recommend"] = new("Đề nghị hỗ trợ", "Recommended"),
        ["UnitOpinion.NotRecommend"] = new("Không đề nghị", "Not recommended"),

        ["FollowUpStatus.Scheduled"] = new("Đã lên lịch", "Scheduled"),
        ["FollowUpStatus.Overdue"] = new("Quá hạn", "Overdue"),
        ["FollowUpStatus.Done"] = new("Đã đánh giá", "Done"),

        ["TaskKind.ProposalToDecide"] = new("Đề án chờ thẩm định, phê duyệt", "Proposal to appraise and decide"),
        ["TaskKind.FollowUpDue"] = new("Đánh giá sau hỗ trợ đến hạn", "Follow-up evaluation due"),
        ["TaskKind.SettlementDue"] = new("Đề án cần quyết toán", "Proposal to settle"),
        ["TaskKind.RefundDue"] = new("Kinh phí cần hoàn trả", "Support to refund"),
        ["TaskKind.CourseToClose"] = new("Khoá đào tạo cần kết thúc", "Course to close"),
        ["TaskKind.CertificateExpiring"] = new("Giấy chứng nhận sắp hết hạn", "Certificate expiring"),
        ["TaskKind.FairToAllocate"] = new("Hội chợ cần phân bổ gian hàng", "Fair booths to allocate"),
        ["TaskKind.ScoreSheetToFill"] = new("Phiếu thẩm định cần chấm", "Score sheet to fill"),
        ["TaskKind.EstablishmentNextStep"] = new("Việc tiếp theo của cơ sở với đề án", "Establishment's next step on a proposal"),
        ["TaskKind.ProgressReportDue"] = new("Báo cáo tiến độ hằng tháng", "Monthly progress report due"),
        ["TaskKind.AdvanceToSettle"] = new("Tạm ứng chưa quyết toán", "Advance to settle"),
        ["TaskKind.OverPlanApproval"] = new("Đề án phê duyệt vượt dự toán", "Proposal approved over the plan"),
        ["TaskKind.FollowUpsOverdue"] = new("Đánh giá sau hỗ trợ quá hạn", "Follow-up evaluations overdue"),
        ["TaskKind.SettlementsOverdue"] = new("Quyết toán quá hạn", "Settlements overdue"),
        ["TaskKind.RefundsOutstanding"] = new("Kinh phí chưa hoàn trả", "Refunds outstanding"),
        ["TaskKind.ComplaintToAnswer"] = new("Khiếu nại cần trả lời", "Complaint to answer"),
        ["TaskKind.HolderReportDue"] = new("Báo cáo hằng năm về sản phẩm được chứng nhận", "Yearly report on the certified product"),
        ["TaskKind.HolderReportOverdue"] = new("Báo cáo hằng năm của cơ sở quá hạn", "Holder's yearly report overdue"),
        ["TaskKind.CallToFile"] = new("Đợt đăng ký đề án đang mở", "Open call for proposals"),
        ["TaskKind.CourseToJoin"] = new("Khoá đào tạo có thể tham gia", "Course open to join"),
        ["TaskKind.FairToJoin"] = new("Hội chợ có thể đăng ký tham gia", "Fair open for registration"),

        ["AppraisalRecommendation.Recommend"] = new("Đề nghị phê duyệt", "Recommended"),
        ["AppraisalRecommendation.DoNotRecommend"] = new("Không đề nghị", "Not recommended"),

        ["CourseType.VocationalTraining"] = new("Đào tạo nghề", "Vocational training"),
        ["CourseType.CraftTeaching"] = new("Truyền nghề", "Craft teaching"),
        ["CourseType.SkillUpgrading"] = new("Nâng cao tay nghề", "Skill upgrading"),
        ["CourseType.ManagementCourse"] = new("Đào tạo quản lý", "Management course"),
        ["CourseType.StaffTraining"] = new("Tập huấn cán bộ khuyến công", "Staff training"),
        ["CourseType.Workshop"] = new("Hội thảo", "Workshop"),
        ["CourseType.StudyTour"] = new("Tham quan học tập", "Study tour"),

        ["CourseStatus.Planned"] = new("Kế hoạch", "Planned"),
        ["CourseStatus.OpenForEnrolment"] = new("Đang tuyển sinh", "Open for enrolment"),
        ["CourseStatus.InProgress"] = new("Đang học", "In progress"),
        ["CourseStatus.Completed"] = new("Đã kết thúc", "Completed"),
        ["CourseStatus.Cancelled"] = new("Đã hủy", "Cancelled"),

        ["EnrolmentStatus.Enrolled"] = new("Đã ghi danh", "Enrolled"),
        ["EnrolmentStatus.Waiting"] = new("Danh sách chờ", "Waiting list"),
        ["EnrolmentStatus.Withdrawn"] = new("Đã rút", "Withdrawn"),

        ["Gender.Female"] = new("Nữ", "Female"),
        ["Gender.Male"] = new("Nam", "Male"),

        ["FairKind.DomesticProgramme"] = new("Hội chợ trong nước của chương trình", "Domestic programme fair"),
        ["FairKind.OtherDomestic"] = new("Hội chợ trong nước khác", "Other domestic fair"),
        ["FairKind.Overseas"] = new("Hội chợ nước ngoài", "Overseas fair"),
        ["FairKind.Online"] = new("Hội chợ trực tuyến", "Online fair"),

        ["FairStatus.Draft"] = new("Bản nháp", "Draft"),
        ["FairStatus.OpenForRegistration"] = new("Đang nhận đăng ký", "Open for registration"),
        ["FairStatus.RegistrationClosed"] = new("Hết hạn đăng ký", "Registration closed"),
        ["FairStatus.Allocated"] = new("Đã phân gian hàng", "Booths allocated"),
        ["FairStatus.Held"] = new("Đã tổ chức", "Held"),
        ["FairStatus.Closed"] = new("Đã đóng", "Closed"),
        ["FairStatus.Cancelled"] = new("Đã hủy", "Cancelled"),

        ["AllocationStatus.Pending"] = new("Chờ phân bổ", "Pending"),
        ["AllocationStatus.Allocated"] = new("Được phân gian hàng", "Allocated"),
        ["AllocationStatus.WaitListed"] = new("Danh sách chờ", "Waiting list"),

        ["RecognitionLevel.District"] = new("Cấp huyện", "District"),
        ["RecognitionLevel.Provincial"] = new("Cấp tỉnh", "Provincial"),
        ["RecognitionLevel.Regional"] = new("Cấp khu vực", "Regional"),
        ["RecognitionLevel.National"] = new("Cấp quốc gia", "National"),

        ["ProductGroup.Handicrafts"] = new("Thủ công mỹ nghệ", "Handicrafts"),
        ["ProductGroup.ProcessedFoodAndAgriculture"] = new("Chế biến nông, lâm, thủy sản và thực phẩm", "Processed agricultural, forestry, fishery and food products"),
        ["ProductGroup.MachineryAndTools"] = new("Máy móc, thiết bị, dụng cụ", "Machinery, equipment and tools"),
        ["ProductGroup.Other"] = new("Sản phẩm khác", "Other products"),

        ["CompetitionStatus.Draft"] = new("Bản nháp", "Draft"),
        ["CompetitionStatus.Open"] = new("Đang nhận hồ sơ", "Open for entries"),
        ["CompetitionStatus.Scoring"] = new("Đang chấm điểm", "Scoring"),
        ["CompetitionStatus.ResultsPublished"] = new("Đã công bố kết quả", "Results published"),
        ["CompetitionStatus.Closed"] = new("Đã cấp giấy chứng nhận", "Certificates issued"),

        ["EntryStatus.Draft"] = new("Đang hoàn thiện hồ sơ", "Dossier in progress"),
        ["EntryStatus.Submitted"] = new("Đã nộp hồ sơ", "Dossier submitted"),

        ["ComplaintStatus.Open"] = new("Mới nhận", "Received"),
        ["ComplaintStatus.Rescoring"] = new("Đang chấm lại", "Re-scoring"),
        ["ComplaintStatus.Answered"] = new("Đã trả lời", "Answered"),

        ["CertificateStatus.Valid"] = new("Còn hiệu lực", "Valid"),
        ["CertificateStatus.Revoked"] = new("Đã thu hồi", "Revoked"),
        ["CertificateStatus.Expired"] = new("Hết hiệu lực", "Expired"),

        ["AdministrativeUnitKind.City"] = new("Thành phố", "City"),
        ["AdministrativeUnitKind.Town"] = new("Thị xã", "Town"),
        ["AdministrativeUnitKind.District"] = new("Huyện", "District"),
        ["AdministrativeUnitKind.Ward"] = new("Phường", "Ward"),
        ["AdministrativeUnitKind.Commune"] = new("Xã", "Commune"),
        ["AdministrativeUnitKind.SpecialZone"] = new("Đặc khu", "Special zone"),

        ["PlatformRole.Admin"] = new("Quản trị hệ thống", "Administrator"),
        ["PlatformRole.Officer"] = new("Cán bộ Trung tâm", "Centre officer"),
        ["PlatformRole.Appraiser"] = new("Thành viên hội đồng", "Council member"),
        ["PlatformRole.DistrictOfficer"] = new("Cán bộ cấp huyện, xã", "District or commune officer"),
        ["PlatformRole.Establishment"] = new("Cơ sở CNNT", "Establishments"),
        ["PlatformRole.Leader"] = new("Lãnh đạo", "Leader"),
    };

    /// <summary>The name of a value of an enum, by the enum's type name; null when the table does not name it.</summary>
    public static CodeName? Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(typeof(TEnum).Name, value.ToString());

    /// <summary>The Vietnamese name of a value of an enum, or the value itself where the table does not name it.</summary>
    public static string VietnameseOf<TEnum>(TEnum value) where TEnum : struct, Enum => Of(value)?.Vietnamese ?? value.ToString();

    /// <summary>The name of a code's value as it travels (<c>Of("ProposalStatus", "Draft")</c>); null when the table does not name it.</summary>
    public static CodeName? Of(string code, string value) => All.GetValueOrDefault($"{code}.{value}");
}
