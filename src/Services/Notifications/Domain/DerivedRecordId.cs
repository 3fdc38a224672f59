using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// The id of a task's record when the record is one part of another (a year of a certificate's reports, an establishment's
/// invitation to a call, course or fair): a hash of the parent's id and the part, so that every event about the same part,
/// in any order and on any replica, finds the same task without a lookup.
/// </summary>
public static class DerivedRecordId
{
    public static Guid Of(Guid parentId, string part)
    {
        var bytes = SHA256.HashData([.. parentId.ToByteArray(), .. Encoding.UTF8.GetBytes(part)]);
        return new Guid(bytes.AsSpan(0, 16));
    }

    public static Guid OfYear(Guid parentId, int year) => Of(parentId, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
