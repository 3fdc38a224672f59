using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Products;

namespace KhuyenCong.Reporting.Reports;

/// <summary>How exports name the values of a dimension for a Vietnamese reader.</summary>
internal static class VietnameseLabels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [nameof(FundingSource.National)] = "Khuyến công quốc gia",
        [nameof(FundingSource.Local)] = "Khuyến công địa phương",
        [nameof(ContentGroup.VocationalTraining)] = "Đào tạo nghề, truyền nghề",
        [nameof(ContentGroup.CapacityBuilding)] = "Nâng cao năng lực quản lý",
        [nameof(ContentGroup.TechnicalDemonstration)] = "Xây dựng mô hình trình diễn kỹ thuật, chuyển giao công nghệ",
        [nameof(ContentGroup.TypicalProducts)] = "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu",
        [nameof(ContentGroup.Consulting)] = "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn",
        [nameof(ContentGroup.Information)] = "Cung cấp thông tin, tuyên truyền",
        [nameof(ContentGroup.LinkagesAndClusters)] = "Liên doanh, liên kết, cụm công nghiệp",
        [nameof(ContentGroup.InternationalCooperation)] = "Hợp tác quốc tế về khuyến công",
        [nameof(ContentGroup.SystemCapacity)] = "Nâng cao năng lực tổ chức thực hiện",
        [nameof(Sector.MechanicalEngineering)] = "Cơ khí",
        [nameof(Sector.BuildingMaterials)] = "Vật liệu xây dựng",
        [nameof(Sector.Ceramics)] = "Gốm sứ",
        [nameof(Sector.MedicinalHerbs)] = "Dược liệu",
        [nameof(Sector.Beverages)] = "Đồ uống",
        [nameof(Sector.AgriculturalProducts)] = "Nông sản",
        [nameof(Sector.SeafoodProcessing)] = "Chế biến thủy sản",
        [nameof(Sector.WoodProcessing)] = "Chế biến gỗ",
        [nameof(Sector.Handicrafts)] = "Thủ công mỹ nghệ",
        [nameof(Sector.TextilesAndGarments)] = "Dệt may",
        [nameof(Sector.FoodProcessing)] = "Chế biến thực phẩm",
        [nameof(Sector.Other)] = "Khác",
        [nameof(RecognitionLevel.District)] = "Cấp huyện",
        [nameof(RecognitionLevel.Provincial)] = "Cấp tỉnh",
        [nameof(RecognitionLevel.Regional)] = "Cấp khu vực",
        [nameof(RecognitionLevel.National)] = "Cấp quốc gia",
        [nameof(ProductGroup.ProcessedFoodAndAgriculture)] = "Chế biến nông, lâm, thủy sản và thực phẩm",
        [nameof(ProductGroup.MachineryAndTools)] = "Máy móc, thiết bị, dụng cụ",
        ["Draft"] = "Dự thảo",
        ["Submitted"] = "Đã đăng ký",
        ["UnderAppraisal"] = "Đang thẩm định",
        ["ReturnedForRevision"] = "Trả lại để chỉnh sửa",
        ["Rejected"] = "Không được phê duyệt",
        ["Approved"] = "Đã phê duyệt",
        ["InImplementation"] = "Đang thực hiện",
        ["Accepted"] = "Đã nghiệm thu",
        ["Settled"] = "Đã quyết toán",
        ["Closed"] = "Đã kết thúc",
        ["Cancelled"] = "Đã hủy",
    };

    public const string Unknown = "(chưa xác định)";

    /// <summary>The Vietnamese label of a grouped value; districts and years are shown as they are.</summary>
    public static string Of(string dimension, object? value) => value switch
    {
        null => Unknown,
        string text when dimension is not "district" and not "period" => Names.GetValueOrDefault(text, text),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? Unknown,
    };
}
