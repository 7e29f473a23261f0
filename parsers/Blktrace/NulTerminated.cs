using System.Text;

namespace Swiotlb.Trace.Blktrace;

/// <summary>C strings in pdus: task names and messages end at the first NUL.</summary>
internal static class NulTerminated
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
