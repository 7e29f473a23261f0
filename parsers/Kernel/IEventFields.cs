using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// The fields of one event as a reader holds them: printed text (ftrace, perf script, trace-cmd report) or a binary record
/// (trace.dat). A decoder written against this reads every format the same way; only the reader knows where the bytes are.
/// </summary>
public interface IEventFields
{
    string String(EventField field);

    /// <summary>An optional field's text: false when the event lacks it (printed, or in the record's format).</summary>
    bool TryString(EventField field, [NotNullWhen(true)] out string? value);

    /// <summary>An unsigned value; a <see cref="PrintedShape.Symbol"/> as its number, a <see cref="PrintedShape.ShownOfTotal"/> as the total.</summary>
    ulong Unsigned(EventField field);

    /// <summary>An optional field's value: false when the event lacks it (printed, or in the record's format).</summary>
    bool TryUnsigned(EventField field, out ulong value);

    long Signed(EventField field);

    /// <summary>A bool (or printed marker); false when the format has no such field.</summary>
    bool IsSet(EventField field);

    ImmutableArray<ulong> Array(EventField field);

    /// <summary>A <see cref="PrintedShape.Bytes"/> field's bytes, as many as fit <paramref name="destination"/>: how many, 0 when
    /// the rendering lost them.</summary>
    int Bytes(EventField field, scoped Span<byte> destination);

    /// <summary>A <see cref="PrintedShape.Words"/> field in the kernel's words (<c>NO_WARN|SKIP_CPU_SYNC</c>, <c>be,0,4</c>); null
    /// when the event has no such field.</summary>
    string? Words(EventField field);
}

/// <summary>Builds one kind of typed event from its fields, whichever reader holds them.</summary>
public delegate Events.TraceEvent FieldDecoder<TFields>(in Events.EventHeader header, ref TFields fields)
    where TFields : IEventFields, allows ref struct;
