using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.Platform.Identifiers;

/// <summary>
/// Name-based ids (RFC 9562, version 5): the same name always yields the same id, so that whatever derives an id from
/// what it is about (a message republished for a record, a task about one part of a record) finds the same one on every
/// replica and every run, without a lookup.
/// </summary>
public static class NameBasedId
{
    public static Guid Of(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
