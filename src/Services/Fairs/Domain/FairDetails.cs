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
            throw new FairRuleException("dates-out-of-order", RuleKind.Unprocessable, $"The fair ends ({EndDate:yyyy-MM-dd}) before it starts ({StartDate:yyyy-MM-dd}).");
        }
        if (RegistrationDeadline > StartDate)
        {
            throw new FairRuleException("deadline-after-start", RuleKind.Unprocessable,
                $"Registration must close by the fair's start ({StartDate:yyyy-MM-dd}); the deadline given is {RegistrationDeadline:yyyy-MM-dd}.");
        }
        if (Kind.IsDomestic() && (!string.Equals(Country, HomeCountry, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(Province)))
        {
            throw new FairRuleException("domestic-venue", RuleKind.Unprocessable, $"A domestic fair is held in {HomeCountry} and names its province.");
        }
        if (Kind == FairKind.Overseas && string.Equals(Country, HomeCountry, StringComparison.OrdinalIgnoreCase))
        {
            throw new FairRuleException("overseas-venue", RuleKind.Unprocessable, $"An overseas fair is held in a country other than {HomeCountry}.");
        }
        if (Policy.RentSharePercent is < 0 or > 100 || Policy.ExtraSupportPerParticipant < 0)
        {
            throw new FairRuleException("invalid-policy", RuleKind.Unprocessable, "The share of booth rent covered is 0 to 100 %, and extra supported costs are not negative.");
        }
        // Every booth rented and every participant's extra costs bound what the fair can ever pay, so
        // each support and the fair's total stay within the platform's bound on money.
        if (BoothCount * ((decimal)BoothRent + Policy.ExtraSupportPerParticipant) > InputBounds.MaxMoney)
        {
            throw new FairRuleException("amounts-too-large", RuleKind.Unprocessable,
                $"{BoothCount} booth(s) at {BoothRent:N0} đồng plus {Policy.ExtraSupportPerParticipant:N0} đồng of extra costs per participant exceed {InputBounds.MaxMoney:N0} đồng for one fair.");
        }
    }
}
