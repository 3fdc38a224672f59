using KhuyenCong.ServiceDefaults.Http;

namespace KhuyenCong.Fairs.Domain;

/// <summary>What an officer writes about a fair before publishing it.</summary>
public sealed record FairDetails(
    string Name,
    FairKind Kind,
    string Organiser,
    string Venue,
    string Country,
    string? Province,
    DateOnly StartDate,
    DateOnly EndDate,
    DateOnly RegistrationDeadline,
    int BoothCount,
    long BoothRent,
    SupportPolicy Policy)
{
    public const string HomeCountry = "Việt Nam";

    /// <summary>Refuses details that cannot describe a fair.</summary>
    public void Check()
    {
        if (EndDate < StartDate)
        {
            throw new FairRuleException("dates-out-of-order", RuleKind.Unprocessable, $"The fair ends ({EndDate:yyyy-MM-dd}) before it starts ({StartDate:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày kết thúc hội chợ ({EndDate:dd/MM/yyyy}) trước ngày bắt đầu ({StartDate:dd/MM/yyyy}).",
            };
        }
        if (RegistrationDeadline > StartDate)
        {
            throw new FairRuleException("deadline-after-start", RuleKind.Unprocessable,
                $"Registration must close by the fair's start ({StartDate:yyyy-MM-dd}); the deadline given is {RegistrationDeadline:yyyy-MM-dd}.")
            {
                Vietnamese = $"Hạn đăng ký phải kết thúc trước ngày khai mạc hội chợ ({StartDate:dd/MM/yyyy}); hạn đã nhập là {RegistrationDeadline:dd/MM/yyyy}.",
            };
        }
        if (Kind.IsDomestic() && (!string.Equals(Country, HomeCountry, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(Province)))
        {
            throw new FairRuleException("domestic-venue", RuleKind.Unprocessable, $"A domestic fair is held in {HomeCountry} and names its province.")
            {
                Vietnamese = $"Hội chợ trong nước được tổ chức tại {HomeCountry} và phải ghi rõ tỉnh, thành phố.",
            };
        }
        if (Kind == FairKind.Overseas && string.Equals(Country, HomeCountry, StringComparison.OrdinalIgnoreCase))
        {
            throw new FairRuleException("overseas-venue", RuleKind.Unprocessable, $"An overseas fair is held in a country other than {HomeCountry}.")
            {
                Vietnamese = $"Hội chợ ở nước ngoài được tổ chức tại một quốc gia khác {HomeCountry}.",
            };
        }
        if (Policy.RentSharePercent is < 0 or > 100 || Policy.ExtraSupportPerParticipant < 0)
        {
            throw new FairRuleException("invalid-policy", RuleKind.Unprocessable, "The share of booth rent covered is 0 to 100 %, and extra supported costs are not negative.")
            {
                Vietnamese = "Tỷ lệ hỗ trợ tiền thuê gian hàng từ 0 đến 100 %, và chi phí hỗ trợ thêm không được âm.",
            };
        }
        // Every booth rented and every participant's extra costs bound what the fair can ever pay, so
        // each support and the fair's total stay within the platform's bound on money.
        if (BoothCount * ((decimal)BoothRent + Policy.ExtraSupportPerParticipant) > InputBounds.MaxMoney)
        {
            throw new FairRuleException("amounts-too-large", RuleKind.Unprocessable,
                $"{BoothCount} booth(s) at {BoothRent:N0} đồng plus {Policy.ExtraSupportPerParticipant:N0} đồng of extra costs per participant exceed {InputBounds.MaxMoney:N0} đồng for one fair.")
            {
                Vietnamese = $"{BoothCount} gian hàng, mỗi gian {BoothRent:N0} đồng, cộng {Policy.ExtraSupportPerParticipant:N0} đồng chi phí thêm cho mỗi cơ sở, vượt quá {InputBounds.MaxMoney:N0} đồng cho một hội chợ.",
            };
        }
    }
}
