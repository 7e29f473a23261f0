namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The numbers that matter in a kernel release string such as <c>5.10.0-32-amd64</c> or <c>6.12.117+deb13-amd64</c>.</summary>
/// <param name="DebianAbi">The number after the first <c>-</c> when it is all digits (Debian's ABI), else 0.</param>
public readonly record struct KernelRelease(int Major, int Minor, int Patch, int DebianAbi)
{
    public static bool TryParse(ReadOnlySpan<char> text, out KernelRelease release)
    {
        release = default;
        text = text.Trim();
        if (!TryTakeNumber(ref text, out int major) || !TakeDot(ref text) || !TryTakeNumber(ref text, out int minor))
            return false;
        int patch = 0;
        if (TakeDot(ref text) && !TryTakeNumber(ref text, out patch))
            return false;
        int abi = 0;
        if (text.StartsWith("-"))
        {
            ReadOnlySpan<char> rest = text[1..];
            if (TryTakeNumber(ref rest, out int number) && (rest.IsEmpty || rest[0] == '-'))
                abi = number;
        }
        release = new KernelRelease(major, minor, patch, abi);
        return true;
    }

    private static bool TakeDot(ref ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("."))
            return false;
        text = text[1..];
        return true;
    }

    private static bool TryTakeNumber(ref ReadOnlySpan<char> text, out int number)
    {
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        number = 0;
        if (digits == 0 || !int.TryParse(text[..digits], out number))
            return false;
        text = text[digits..];
        return true;
    }
}
