namespace KhuyenCong.Training.Domain;

/// <summary>A person who takes courses. Name, birth year, phone and ethnic group are personal data shown only to officers.</summary>
public sealed class Trainee
{
    public const string MajorityEthnicGroup = "Kinh";

    private Trainee() { }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public int BirthYear { get; private set; }
    public Gender Gender { get; private set; }
    /// <summary>The ethnic group's name as people write it: Kinh, Tày, Dao, Sán Dìu…</summary>
    public string EthnicGroup { get; private set; } = "";
    public string? Phone { get; private set; }
    /// <summary>The establishment the trainee works for, from the local copy of the registry.</summary>
    public Guid? EstablishmentId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Every group other than the Kinh majority is an ethnic minority (dân tộc thiểu số).</summary>
    public bool IsEthnicMinority => !IsMajority(EthnicGroup);

    public static Trainee Register(
        string fullName, int birthYear, Gender gender, string ethnicGroup, string? phone, Guid? establishmentId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            FullName = fullName.Trim().Normalize(),
            BirthYear = birthYear,
            Gender = gender,
            EthnicGroup = ethnicGroup.Trim().Normalize(),
            Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            EstablishmentId = establishmentId,
            RegisteredAt = now,
        };

    public static bool IsMajority(string ethnicGroup) =>
        string.Equals(ethnicGroup.Trim().Normalize(), MajorityEthnicGroup, StringComparison.OrdinalIgnoreCase);
}
