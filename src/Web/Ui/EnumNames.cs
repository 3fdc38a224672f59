namespace KhuyenCong.Web.Ui;

/// <summary>The Vietnamese names of the platform's codes, as officers know them.</summary>
public static class EnumNames
{
    public static readonly IReadOnlyDictionary<int, string> ContentGroups = new Dictionary<int, string>
    {
        [1] = "Đào tạo nghề, truyền nghề, nâng cao tay nghề",
        [2] = "Nâng cao năng lực quản lý, khởi nghiệp",
        [3] = "Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến",
        [4] = "Sản phẩm CNNT tiêu biểu, hội chợ, thương hiệu",
        [5] = "Tư vấn",
        [6] = "Thông tin, tuyên truyền",
        [7] = "Liên kết, cụm công nghiệp, xử lý ô nhiễm",
        [8] = "Hợp tác quốc tế",
        [9] = "Nâng cao năng lực hệ thống khuyến công",
    };

    /// <summary>The roles of the platform's users.</summary>
    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>
    {
        ["Admin"] = "Quản trị hệ thống",
        ["Officer"] = "Cán bộ Trung tâm",
        ["Appraiser"] = "Thành viên hội đồng",
        ["DistrictOfficer"] = "Cán bộ cấp huyện, xã",
        ["Establishment"] = "Cơ sở CNNT",
        ["Leader"] = "Lãnh đạo",
    };

    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["FundingSource.National"] = "Khuyến công quốc gia",
        ["FundingSource.Local"] = "Khuyến công địa phương",

        ["ProposalStatus.Draft"] = "Bản nháp",
        ["ProposalStatus.Submitted"] = "Đã nộp",
        ["ProposalStatus.UnderAppraisal"] = "Đang thẩm định",
        ["ProposalStatus.ReturnedForRevision"] = "Trả lại để chỉnh sửa",
        ["ProposalStatus.Rejected"] = "Không phê duyệt",
        ["ProposalStatus.Approved"] = "Đã phê duyệt",
        ["ProposalStatus.InImplementation"] = "Đang thực hiện",
        ["ProposalStatus.Accepted"] = "Đã nghiệm thu",
        ["ProposalStatus.Settled"] = "Đã quyết toán",
        ["ProposalStatus.Closed"] = "Đã đóng",
        ["ProposalStatus.Cancelled"] = "Đã hủy",

        ["Sector.MechanicalEngineering"] = "Cơ khí",
        ["Sector.BuildingMaterials"] = "Vật liệu xây dựng",
        ["Sector.Ceramics"] = "Gốm sứ",
        ["Sector.MedicinalHerbs"] = "Dược liệu",
        ["Sector.Beverages"] = "Đồ uống",
        ["Sector.AgriculturalProducts"] = "Nông sản",
        ["Sector.SeafoodProcessing"] = "Chế biến thủy sản",
        ["Sector.WoodProcessing"] = "Chế biến gỗ",
        ["Sector.Handicrafts"] = "Thủ công mỹ nghệ",
        ["Sector.TextilesAndGarments"] = "Dệt may",
        ["Sector.FoodProcessing"] = "Chế biến thực phẩm",
        ["Sector.Other"] = "Khác",

        ["EstablishmentType.Sme"] = "Doanh nghiệp nhỏ và vừa",
        ["EstablishmentType.Cooperative"] = "Hợp tác xã",
        ["EstablishmentType.CooperativeGroup"] = "Tổ hợp tác",
        ["EstablishmentType.HouseholdBusiness"] = "Hộ kinh doanh",
        ["EstablishmentType.CleanerProductionFacility"] = "Cơ sở áp dụng sản xuất sạch hơn",
        ["EstablishmentType.Artisan"] = "Nghệ nhân",
        ["EstablishmentType.SustainableProductionFacility"] = "Cơ sở sản xuất bền vững",
        ["EstablishmentType.ClusterInfrastructureInvestor"] = "Nhà đầu tư hạ tầng cụm công nghiệp",

        ["SupportActivity.DemonstrationModel"] = "Mô hình trình diễn kỹ thuật",
        ["SupportActivity.AdvancedMachinery"] = "Máy móc thiết bị tiên tiến",
        ["SupportActivity.ProductionLine"] = "Dây chuyền sản xuất",
        ["SupportActivity.RegionalProductCompetition"] = "Bình chọn sản phẩm cấp khu vực",
        ["SupportActivity.NationalProductCompetition"] = "Bình chọn sản phẩm cấp quốc gia",
        ["SupportActivity.BrandBuilding"] = "Xây dựng thương hiệu",
        ["SupportActivity.ProgrammeFair"] = "Hội chợ của chương trình",
        ["SupportActivity.OtherDomesticFair"] = "Hội chợ trong nước khác",
        ["SupportActivity.OverseasFair"] = "Hội chợ nước ngoài",
        ["SupportActivity.Consulting"] = "Tư vấn",
        ["SupportActivity.RegionalAssociation"] = "Hiệp hội cấp vùng",
        ["SupportActivity.NationalAssociation"] = "Hiệp hội cấp quốc gia",
        ["SupportActivity.BusinessCluster"] = "Cụm liên kết doanh nghiệp",
        ["SupportActivity.ClusterInfrastructure"] = "Hạ tầng cụm công nghiệp",
        ["SupportActivity.PollutionTreatment"] = "Xử lý ô nhiễm",
        ["SupportActivity.RelocationInterest"] = "Hỗ trợ lãi suất di dời",
        ["SupportActivity.EnterpriseStartUp"] = "Hỗ trợ thành lập doanh nghiệp",
        ["SupportActivity.OverseasStudyTourAirfare"] = "Vé máy bay khảo sát nước ngoài",
        ["SupportActivity.CapacityTraining"] = "Đào tạo, tập huấn, hội thảo",
        ["SupportActivity.OperatingFacilityModel"] = "Mô hình của cơ sở đang hoạt động hiệu quả",
        ["SupportActivity.CleanerProductionPilot"] = "Mô hình thí điểm sản xuất sạch hơn",
        ["SupportActivity.RegionalProductPrize"] = "Thưởng sản phẩm tiêu biểu cấp khu vực",
        ["SupportActivity.NationalProductPrize"] = "Thưởng sản phẩm tiêu biểu cấp quốc gia",
        ["SupportActivity.TradePromotion"] = "Phòng trưng bày, xúc tiến thương mại khác",
        ["SupportActivity.IndustrialClusterPollutionTreatment"] = "Xử lý ô nhiễm tại cụm công nghiệp",
        ["SupportActivity.ClusterDetailedPlanning"] = "Quy hoạch chi tiết cụm công nghiệp",
        ["SupportActivity.ClusterInvestmentForum"] = "Hội nghị, diễn đàn thu hút đầu tư cụm công nghiệp",

        ["PaymentKind.Advance"] = "Tạm ứng",
        ["PaymentKind.Balance"] = "Thanh toán phần còn lại",

        ["FollowUpStatus.Scheduled"] = "Đã lên lịch",
        ["FollowUpStatus.Overdue"] = "Quá hạn",
        ["FollowUpStatus.Done"] = "Đã đánh giá",

        ["AppraisalRecommendation.Recommend"] = "Đề nghị phê duyệt",
        ["AppraisalRecommendation.DoNotRecommend"] = "Không đề nghị",

        ["CourseType.VocationalTraining"] = "Đào tạo nghề",
        ["CourseType.CraftTeaching"] = "Truyền nghề",
        ["CourseType.SkillUpgrading"] = "Nâng cao tay nghề",
        ["CourseType.ManagementCourse"] = "Đào tạo quản lý",
        ["CourseType.StaffTraining"] = "Tập huấn cán bộ khuyến công",
        ["CourseType.Workshop"] = "Hội thảo",
        ["CourseType.StudyTour"] = "Tham quan học tập",

        ["CourseStatus.Planned"] = "Kế hoạch",
        ["CourseStatus.OpenForEnrolment"] = "Đang tuyển sinh",
        ["CourseStatus.InProgress"] = "Đang học",
        ["CourseStatus.Completed"] = "Đã kết thúc",
        ["CourseStatus.Cancelled"] = "Đã hủy",

        ["EnrolmentStatus.Enrolled"] = "Đã ghi danh",
        ["EnrolmentStatus.Waiting"] = "Danh sách chờ",
        ["EnrolmentStatus.Withdrawn"] = "Đã rút",

        ["Gender.Female"] = "Nữ",
        ["Gender.Male"] = "Nam",

        ["FairKind.DomesticProgramme"] = "Hội chợ trong nước của chương trình",
        ["FairKind.OtherDomestic"] = "Hội chợ trong nước khác",
        ["FairKind.Overseas"] = "Hội chợ nước ngoài",
        ["FairKind.Online"] = "Hội chợ trực tuyến",

        ["FairStatus.Draft"] = "Bản nháp",
        ["FairStatus.OpenForRegistration"] = "Đang nhận đăng ký",
        ["FairStatus.RegistrationClosed"] = "Hết hạn đăng ký",
        ["FairStatus.Allocated"] = "Đã phân gian hàng",
        ["FairStatus.Held"] = "Đã tổ chức",
        ["FairStatus.Closed"] = "Đã đóng",
        ["FairStatus.Cancelled"] = "Đã hủy",

        ["AllocationStatus.Pending"] = "Chờ phân bổ",
        ["AllocationStatus.Allocated"] = "Được phân gian hàng",
        ["AllocationStatus.WaitListed"] = "Danh sách chờ",

        ["RecognitionLevel.District"] = "Cấp huyện",
        ["RecognitionLevel.Provincial"] = "Cấp tỉnh",
        ["RecognitionLevel.Regional"] = "Cấp khu vực",
        ["RecognitionLevel.National"] = "Cấp quốc gia",

        ["ProductGroup.Handicrafts"] = "Thủ công mỹ nghệ",
        ["ProductGroup.ProcessedFoodAndAgriculture"] = "Chế biến nông, lâm, thủy sản và thực phẩm",
        ["ProductGroup.MachineryAndTools"] = "Máy móc, thiết bị, dụng cụ",
        ["ProductGroup.Other"] = "Sản phẩm khác",

        ["CompetitionStatus.Draft"] = "Bản nháp",
        ["CompetitionStatus.Open"] = "Đang nhận hồ sơ",
        ["CompetitionStatus.Scoring"] = "Đang chấm điểm",
        ["CompetitionStatus.ResultsPublished"] = "Đã công bố kết quả",
        ["CompetitionStatus.Closed"] = "Đã cấp giấy chứng nhận",

        ["EntryStatus.Draft"] = "Đang hoàn thiện hồ sơ",
        ["EntryStatus.Submitted"] = "Đã nộp hồ sơ",

        ["ComplaintStatus.Open"] = "Mới nhận",
        ["ComplaintStatus.Rescoring"] = "Đang chấm lại",
        ["ComplaintStatus.Answered"] = "Đã trả lời",

        ["CertificateStatus.Valid"] = "Còn hiệu lực",
        ["CertificateStatus.Revoked"] = "Đã thu hồi",
        ["CertificateStatus.Expired"] = "Hết hiệu lực",
    };
}
