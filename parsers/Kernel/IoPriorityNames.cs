using System.Globalization;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The block events' 6.11+ <c>ioprio</c> as the kernel prints it, <c>CLASS,HINT,LEVEL</c> (<c>be,0,4</c>). The class is named
/// through <c>__print_symbolic</c> with <c>IOPRIO_CLASS_*</c> macros that user-space printers (perf's libtraceevent) cannot
/// resolve, so they print its number (<c>0x2,0,4</c>): the number is turned back into the kernel's name.
/// </summary>
public sealed class IoPriorityNames : FieldWords
{
    public static IoPriorityNames Instance { get; } = new();

    private IoPriorityNames()
    {
    }

    /// <summary><c>IOPRIO_PRIO_CLASS</c>, <c>IOPRIO_PRIO_HINT</c> and <c>IOPRIO_PRIO_LEVEL</c> of a packed ioprio.</summary>
    public override string Describe(ulong value)
    {
        var priorityClass = (value >> 13) & 7;
        var className = ClassName(priorityClass) ?? priorityClass.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{className},{(value >> 3) & 0x3ff},{value & 7}");
    }

    public override bool TryReword(ReadOnlySpan<byte> printed, Span<byte> words, out int length)
    {
        length = 0;
        var comma = printed.IndexOf((byte)',');
        var classText = comma < 0 ? printed : printed[..comma];
        if (!TryParsePrintedNumber(classText, out var classNumber) || ClassName(classNumber) is not { } name
            || name.Length + printed.Length - classText.Length > words.Length)
            return false;
        length = System.Text.Encoding.ASCII.GetBytes(name, words);
        printed[classText.Length..].CopyTo(words[length..]);
        length += printed.Length - classText.Length;
        return true;
    }

    private static string? ClassName(ulong priorityClass) => priorityClass switch
    {
        0 => "none",
        1 => "rt",
        2 => "be",
        3 => "idle",
        7 => "invalid",
        _ => null,
    };
}
