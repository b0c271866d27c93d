using System.Security.Cryptography;
using System.Text;

namespace LegalServiceMap.Core.Text;

/// <summary>
/// Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1 of a namespace and a name): the same name always gives the same
/// UUID, on every server and in every release, so a record keeps its open-data id as long as its own id does not change.
/// Thread-safe.
/// </summary>
public static class StableUuid
{
    /// <summary>The namespace of this application's names (a random UUID chosen once; never change it).</summary>
    public static readonly Guid Namespace = new("6f1c3f4e-2b7a-4d0e-9c35-8a51d2e7b940");

    public static Guid Of(string name) => Of(Namespace, name);

    public static Guid Of(Guid space, string name)
    {
        Span<byte> input = stackalloc byte[16];
        space.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        var hash = SHA1.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
