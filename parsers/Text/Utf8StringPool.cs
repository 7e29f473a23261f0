using System.Text;

namespace Swiotlb.Trace.Text;

/// <summary>Turns repeated UTF-8 slices (task and device names) into one shared string each.</summary>
public sealed class Utf8StringPool
{
    private const int MaxPooledChars = 256;
    private readonly HashSet<string> _strings = [];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledChars)
            return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxPooledChars];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        var key = chars[..count];
        if (_lookup.TryGetValue(key, out var existing))
            return existing;
        var created = key.ToString();
        _strings.Add(created);
        return created;
    }
}
