using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.TraceDat.Formats;
using Swiotlb.Trace.TraceDat.Metadata;
using Probe = Swiotlb.Trace.Kernel.SwiotlbEventFields.Probe;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>
/// Kprobes on the swiotlb map/unmap functions, recognised by the probed function (resolved through the file's
/// kallsyms) rather than by the user's probe name; arguments are read by field name.
/// </summary>
internal static class KprobeDecoders
{
    private const string MapFunction = SwiotlbProbeSites.MapFunction;

    /// <summary>A decoder that resolves the probed function on the first event (a probe's address never changes), then binds.</summary>
    /// <param name="note">Told once when the probe sits in swiotlb code where its values cannot be placed.</param>
    public static RecordDecoder For(EventFormat format, ByteOrder order, KernelSymbols symbols, RecordDecoder generic, Action<string> note)
    {
        var returnProbeFunction = format.Field("__probe_func");
        var address = returnProbeFunction ?? format.Field("__probe_ip");
        if (address is null)
        {
            return generic;
        }

        RecordDecoder? bound = null;
        return (header, record) =>
        {
            if (bound is null)
            {
                var function = symbols.FunctionAt(address.Unsigned(record, order));
                bound = Bind(format, order, function, returnProbeFunction is not null);
                if (bound is null && function is not null && SwiotlbProbeSites.IsUnplacedSwiotlbFunction(function))
                {
                    note(SwiotlbProbeSites.Unplaced(format.Name, function));
                }

                bound ??= generic;
            }

            return bound(header, record);
        };
    }

    private static RecordDecoder? Bind(EventFormat format, ByteOrder order, string? function, bool isReturnProbe) => function switch
    {
        MapFunction when isReturnProbe => MapReturn(format, order),
        MapFunction => MapEntry(format, order),
        _ when !isReturnProbe && function is not null && SwiotlbProbeSites.UnmapFunctions.Contains(function) => UnmapEntry(format, order),
        _ => null,
    };

    private static RecordDecoder? MapEntry(EventFormat format, ByteOrder order) =>
        RecordFields.Decoder(format, order, Probe.MapEntry, (in header, ref fields) => SwiotlbEventDecoder.MapEntry(header, format.Name, ref fields));

    /// <summary>The return value is the field named <c>ret</c>, else the probe's only argument.</summary>
    private static RecordDecoder? MapReturn(EventFormat format, ByteOrder order)
    {
        var arguments = format.Fields.Where(f => !f.Name.StartsWith("__probe_", StringComparison.Ordinal)).ToList();
        if ((format.Field(Probe.ReturnValue.Name) ?? (arguments.Count == 1 ? arguments[0] : null)) is not { } value)
        {
            return null;
        }

        return RecordFields.Decoder(order, RecordFields.BindAs(Probe.ReturnValue, value),
            (in header, ref fields) => SwiotlbEventDecoder.MapReturn(header, format.Name, ref fields));
    }

    private static RecordDecoder? UnmapEntry(EventFormat format, ByteOrder order) =>
        RecordFields.Decoder(format, order, Probe.UnmapEntry, (in header, ref fields) => SwiotlbEventDecoder.UnmapEntry(header, format.Name, ref fields));
}
