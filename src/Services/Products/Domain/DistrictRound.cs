namespace KhuyenCong.Products.Domain;

/// <summary>
/// A round of the district-level competition held in a district-level unit in a year, as the provincial
/// rule sees it: from a district competition run on the platform or from an officer's record.
/// </summary>
public sealed record DistrictRoundHeld(string District, int Year, DateOnly HeldOn, string Source);

/// <summary>
/// An officer's record that a district-level unit held its round of the competition outside the platform
/// (on paper, before the platform), with the reason the record is made. District competitions run on the
/// platform are rounds held without such a record.
/// </summary>
public sealed class DistrictRound
{
    private DistrictRound() { }

    public Guid Id { get; private set; }
    public string District { get; private set; } = "";
    public int Year { get; private set; }
    /// <summary>The day the round opened; a provincial dossier received before it is not bound by it.</summary>
    public DateOnly HeldOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static DistrictRound Record(string district, int year, DateOnly heldOn, string reason, string recordedBy, DateTimeOffset now)
    {
        if (heldOn.Year != year)
        {
            throw new ProductRuleException("district-round-date-outside-year", RuleKind.Unprocessable,
                $"A round of {year} is held in {year}; {heldOn:yyyy-MM-dd} was given.")
            {
                Vietnamese = $"Kỳ bình chọn năm {year} phải được tổ chức trong năm {year}; ngày đã nhập là {heldOn:dd/MM/yyyy}.",
                LegalBasis = CompetitionSchedule.LegalBasisFor(RecognitionLevel.District),
            };
        }
        return new DistrictRound
        {
            Id = Guid.CreateVersion7(),
            District = district,
            Year = year,
            HeldOn = heldOn,
            Reason = reason,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}

/// <summary>
/// Which district rounds bind a provincial entry. District and provincial rounds are held every two years
/// (Art. 14.1.a), and a provincial dossier carries the valid district certificate (Art. 12.2.b) unless no
/// district round was held (Art. 12.2.d). The district round that feeds a provincial round of year Y is
/// the one of the same two-year cycle: held in Y − 1 or Y, and opened on or before the day the provincial
/// dossier was received. An earlier cycle's round does not bind it, a later one cannot.
/// </summary>
public static class DistrictRoundCycle
{
    public static int FirstYearFor(int provincialYear) => provincialYear - 1;

    public static bool Binds(int provincialYear, DateOnly receivedOn, int roundYear, DateOnly heldOn) =>
        roundYear >= FirstYearFor(provincialYear) && roundYear <= provincialYear && heldOn <= receivedOn;
}
