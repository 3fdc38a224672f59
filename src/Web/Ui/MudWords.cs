using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KhuyenCong.Web.Ui;

/// <summary>
/// MudBlazor's own words in Vietnamese: the message of a required field left empty and the names that buttons
/// of its controls read out (close, open the calendar, next page…). In English MudBlazor keeps its own.
/// </summary>
public sealed class MudWords : MudLocalizer
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MudFormComponent_Required"] = "Là bắt buộc.",
        ["MudAlert_Close"] = "Đóng",
        ["MudDialog_Close"] = "Đóng",
        ["MudSnackbar_Close"] = "Đóng",
        ["MudChip_Close"] = "Bỏ",
        ["MudInput_Clear"] = "Xóa nội dung",
        ["MudInput_Increment"] = "Tăng",
        ["MudInput_Decrement"] = "Giảm",
        ["MudBaseDatePicker_Open"] = "Mở lịch",
        ["MudBaseDatePicker_NextMonth"] = "Tháng sau",
        ["MudBaseDatePicker_PrevMonth"] = "Tháng trước",
        ["MudBaseDatePicker_NextYear"] = "Năm sau",
        ["MudBaseDatePicker_PrevYear"] = "Năm trước",
        ["MudDateRangePicker_Start"] = "Từ ngày",
        ["MudDateRangePicker_End"] = "Đến ngày",
        ["MudTimePicker_Open"] = "Chọn giờ",
        ["MudSelect_SelectAll"] = "Chọn tất cả",
        ["MudTable_Loading"] = "Đang tải",
        ["MudTable_SelectAllRows"] = "Chọn tất cả các dòng",
        ["MudTable_SelectRow"] = "Chọn dòng",
        ["MudTablePager_FirstPage"] = "Trang đầu",
        ["MudTablePager_PreviousPage"] = "Trang trước",
        ["MudTablePager_NextPage"] = "Trang sau",
        ["MudTablePager_LastPage"] = "Trang cuối",
        ["MudPagination_FirstPage"] = "Trang đầu",
        ["MudPagination_PreviousPage"] = "Trang trước",
        ["MudPagination_NextPage"] = "Trang sau",
        ["MudPagination_LastPage"] = "Trang cuối",
        ["MudDataGrid_Loading"] = "Đang tải",
        ["MudDataGridPager_FirstPage"] = "Trang đầu",
        ["MudDataGridPager_PreviousPage"] = "Trang trước",
        ["MudDataGridPager_NextPage"] = "Trang sau",
        ["MudDataGridPager_LastPage"] = "Trang cuối",
        ["MudDataGridPager_RowsPerPage"] = "Số dòng mỗi trang:",
        ["MudDataGridPager_AllItems"] = "Tất cả",
    };

    public override LocalizedString this[string key] =>
        !Text.IsEnglish && Vietnamese.TryGetValue(key, out var words)
            ? new LocalizedString(key, words)
            : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var found = this[key];
            return found.ResourceNotFound ? found : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, found.Value, arguments));
        }
    }
}
