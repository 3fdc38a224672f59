using System.Globalization;
using KhuyenCong.Platform.Identifiers;

namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// The id of a task's record when the record is one part of another (a year of a certificate's reports, an establishment's
/// invitation to a call, course or fair): the name-based id of the parent's id and the part, so that every event about the
/// same part, in any order and on any replica, finds the same task without a lookup.
/// </summary>
public static class DerivedRecordId
{
    public static Guid Of(Guid parentId, string part) => NameBasedId.Of($"khuyencong:notifications:{parentId:D}:{part}");

    public static Guid OfYear(Guid parentId, int year) => Of(parentId, year.ToString(CultureInfo.InvariantCulture));
}
