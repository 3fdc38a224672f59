using KhuyenCong.Platform.Accounts;
using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// Whom a task concerns, read from the service's copy of the accounts (<see cref="KnownAccount"/>, kept from the identity
/// service's events as every service keeps it): role and scope, as the account's tokens carry them, and where to write.
/// </summary>
public static class Recipients
{
    extension(KnownAccount recipient)
    {
        /// <summary>Whether the Centre's tasks are all this person's (an officer or an administrator), as the inbox shows them.</summary>
        public bool SeesEveryTask => recipient.Roles.Contains(PlatformRoles.Officer) || recipient.Roles.Contains(PlatformRoles.Admin);

        /// <summary>
        /// Whether the task is this person's, by the inbox's rule: a leader's alert is every leader's and no one else's; a task
        /// assigned to one account is that account's alone; otherwise every task meant for the Centre for its officers and administrators;
        /// for an establishment user the tasks of its own records; for a district officer those of its unit and of the
        /// establishments in it (<paramref name="unitOfTaxCode"/>: the registry's unit of each establishment); none for others.
        /// </summary>
        public bool Concerns(WorkTask task, IReadOnlyDictionary<string, string> unitOfTaxCode)
        {
            if (!recipient.IsActive)
            {
                return false;
            }
            if (task.Kind.IsLeaderAlert)
            {
                return recipient.Roles.Contains(PlatformRoles.Leader);
            }
            if (task.AssigneeUserId is not null)
            {
                return task.AssigneeUserId == recipient.UserId;
            }
            if (recipient.SeesEveryTask)
            {
                return task.ForCentre;
            }
            if (!task.ForScopedUsers)
            {
                return false;
            }
            if (recipient.Roles.Contains(PlatformRoles.Establishment) && recipient.TaxCode is not null)
            {
                return task.EstablishmentTaxCodes.Contains(recipient.TaxCode);
            }
            if (recipient.Roles.Contains(PlatformRoles.DistrictOfficer) && recipient.UnitCode is not null)
            {
                return task.AdministrativeUnitCode == recipient.UnitCode
                    || task.EstablishmentTaxCodes.Any(code => unitOfTaxCode.TryGetValue(code, out var unit) && unit == recipient.UnitCode);
            }
            return false;
        }
    }
}
