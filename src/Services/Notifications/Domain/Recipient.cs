using KhuyenCong.Contracts.Accounts;
using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// The service's copy of a user account of the identity service, kept from <see cref="AccountChanged"/>: whom a task
/// concerns (role and scope, as the account's tokens carry them) and where to write to them. A revision it already holds,
/// or an older one, changes nothing, whatever order the messages arrive in.
/// </summary>
public sealed class Recipient
{
    private Recipient() { }

    public string UserId { get; private set; } = "";
    public long Revision { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<string> Roles { get; private set; } = [];
    public bool IsActive { get; private set; }
    public string? Email { get; private set; }

    /// <summary>A district officer's administrative unit.</summary>
    public string? UnitCode { get; private set; }
    public string? District { get; private set; }

    /// <summary>The tax code an establishment user speaks for.</summary>
    public string? TaxCode { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether the Centre's tasks are all this person's (an officer or an administrator), as the inbox shows them.</summary>
    public bool SeesEveryTask => Roles.Contains(PlatformRoles.Officer) || Roles.Contains(PlatformRoles.Admin);

    public static Recipient From(AccountChanged account)
    {
        var recipient = new Recipient { UserId = account.UserId };
        recipient.Apply(account);
        return recipient;
    }

    /// <summary>Takes the account's state unless the copy already holds the same or a later revision.</summary>
    public bool Apply(AccountChanged account)
    {
        if (account.Revision <= Revision)
        {
            return false;
        }
        Revision = account.Revision;
        UserName = account.UserName;
        DisplayName = account.DisplayName;
        Roles = [.. account.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        IsActive = account.IsActive;
        Email = string.IsNullOrWhiteSpace(account.Email) ? null : account.Email.Trim();
        UnitCode = account.UnitCode;
        District = account.District;
        TaxCode = account.TaxCode;
        UpdatedAt = account.OccurredAt;
        return true;
    }

    /// <summary>
    /// Whether the task is this person's, by the inbox's rule: a task assigned to one account is that account's alone;
    /// otherwise every task for the Centre's officers and administrators;
    /// for an establishment user the tasks of its own records; for a district officer those of its unit and of the
    /// establishments in it (<paramref name="unitOfTaxCode"/>: the registry's unit of each establishment); none for others.
    /// </summary>
    public bool Concerns(WorkTask task, IReadOnlyDictionary<string, string> unitOfTaxCode)
    {
        if (!IsActive)
        {
            return false;
        }
        if (task.AssigneeUserId is not null)
        {
            return task.AssigneeUserId == UserId;
        }
        if (SeesEveryTask)
        {
            return true;
        }
        if (!task.ForScopedUsers)
        {
            return false;
        }
        if (Roles.Contains(PlatformRoles.Establishment) && TaxCode is not null)
        {
            return task.EstablishmentTaxCodes.Contains(TaxCode);
        }
        if (Roles.Contains(PlatformRoles.DistrictOfficer) && UnitCode is not null)
        {
            return task.AdministrativeUnitCode == UnitCode
                || task.EstablishmentTaxCodes.Any(code => unitOfTaxCode.TryGetValue(code, out var unit) && unit == UnitCode);
        }
        return false;
    }
}
