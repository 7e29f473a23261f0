using System.Collections.Immutable;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The fields of one event as a reader holds them: printed text (ftrace, perf script, trace-cmd report) or a binary record
/// (trace.dat). A decoder written against this reads every format the same way; only the reader knows where the bytes are.
/// </summary>
public interface IEventFields
{
    string String(EventField field);

    /// <summary>An unsigned value; a <see cref="PrintedShape.Symbol"/> as its number, a <see cref="PrintedShape.ShownOfTotal"/> as the total.</summary>
    ulong Unsigned(EventField field);

    long Signed(EventField field);

    /// <summary>A bool (or printed marker); false when the format has no such field.</summary>
    bool IsSet(EventField field);

    ImmutableArray<ulong> Array(EventField field);

    /// <summary>A flags field in the kernel's words (<c>NO_WARN|SKIP_CPU_SYNC</c>, empty for none).</summary>
    string FlagNames(EventField field);
}
