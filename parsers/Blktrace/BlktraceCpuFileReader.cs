using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Blktrace;

/// <summary>
/// Reads one per-CPU file record by record. Notes (process names, timestamps) go to <see cref="BlktraceNotes"/> as they are
/// read; trace records and messages are returned. Problems at the file's first record throw; later ones add a warning and end the file.
/// </summary>
internal sealed class BlktraceCpuFileReader(Stream stream, string file, int cpu, BlktraceNotes notes, List<CaptureWarning> warnings)
{
    private const int CgroupIdSize = sizeof(ulong);
    private const int TimestampPduSize = 2 * sizeof(uint);

    private readonly byte[] _header = new byte[BlktraceHeader.Size];
    private long _offset;
    private ByteOrder? _byteOrder;
    private bool _finished;

    public int Cpu => cpu;

    /// <summary>The next trace record or message, or null when the file has ended (or had to stop).</summary>
    public BlktraceRecord? ReadNext()
    {
        while (!_finished)
        {
            var record = ReadRecord();
            if (record is null || IsNote(record))
                continue;
            return record;
        }
        return null;
    }

    private BlktraceRecord? ReadRecord()
    {
        var position = CapturePosition.AtOffset(file, _offset);
        var headerRead = stream.ReadAtLeast(_header, BlktraceHeader.Size, throwOnEndOfStream: false);
        if (headerRead < BlktraceHeader.Size)
            return headerRead == 0 ? End() : Stop(position, $"truncated record: {headerRead} of the {BlktraceHeader.Size} header bytes present", truncated: true);

        var byteOrder = _byteOrder ??= DetectByteOrder(position);
        var header = BlktraceHeader.Decode(_header, byteOrder);
        if (!header.HasMagic)
            return Fail(position, $"bad magic 0x{header.Magic:x8}, expected 0x{BlktraceHeader.MagicValue >> 8:x6}xx");
        if (header.Version != BlktraceHeader.SupportedVersion)
            return Fail(position, $"blktrace version {header.Version} is not supported (this reader reads version {BlktraceHeader.SupportedVersion})");

        var pdu = new byte[header.PduLength];
        var pduRead = stream.ReadAtLeast(pdu, pdu.Length, throwOnEndOfStream: false);
        _offset += BlktraceHeader.Size + pduRead;
        if (pduRead < pdu.Length)
            return Stop(position, $"truncated record: {pduRead} of its {pdu.Length} pdu bytes present", truncated: true);

        if (header.Cpu != (uint)cpu)
        {
            warnings.Add(new(position, $"record says CPU {header.Cpu} in the file of CPU {cpu}; skipped, as blkparse skips it"));
            return null;
        }
        return Build(header, pdu, byteOrder, position);
    }

    private ByteOrder DetectByteOrder(CapturePosition position) =>
        BlktraceHeader.DetectByteOrder(_header) ?? CaptureFormatException.Throw<ByteOrder>(position,
            $"not a blktrace file: first bytes {Convert.ToHexString(_header, 0, 4)}, expected the magic 0x{BlktraceHeader.MagicValue >> 8:x6}xx in either byte order");

    private static BlktraceRecord Build(BlktraceHeader header, byte[] pdu, ByteOrder byteOrder, CapturePosition position)
    {
        var action = new BlktraceAction(header.Action);
        var hasCgroupId = action.HasCgroup && pdu.Length >= CgroupIdSize;
        return new BlktraceRecord(
            BlktraceDevice.Decode(header.Device),
            (int)header.Cpu,
            header.Sequence,
            header.TimeNs,
            header.Sector,
            header.Bytes,
            action,
            (int)header.Pid,
            header.Error,
            hasCgroupId ? byteOrder.UInt64(pdu) : null,
            ImmutableCollectionsMarshal.AsImmutableArray(hasCgroupId ? pdu[CgroupIdSize..] : pdu),
            position);
    }

    /// <summary>Takes in a process or timestamp note (blkparse handles them as it reads); true when the record was one.</summary>
    private bool IsNote(BlktraceRecord record)
    {
        switch (record.Action.NotifyCode)
        {
            case BlktraceNotifyCode.Process:
                notes.AddProcess(record.Pid, NulTerminated.Decode(record.Pdu.AsSpan()));
                return true;
            case BlktraceNotifyCode.Timestamp:
                if (record.Pdu.Length == TimestampPduSize)
                {
                    var byteOrder = _byteOrder!.Value;
                    var pdu = record.Pdu.AsSpan();
                    notes.SetWallClock(new(record.TimeNs, byteOrder.UInt32(pdu), byteOrder.UInt32(pdu[4..])));
                }
                return true;
            case BlktraceNotifyCode.Message or null:
                return false;
            default:
                return true;
        }
    }

    private BlktraceRecord? Fail(CapturePosition position, string problem)
    {
        if (position.ByteOffset == 0)
            CaptureFormatException.Throw(position, problem);
        return Stop(position, problem + "; stopped reading this CPU file");
    }

    private BlktraceRecord? Stop(CapturePosition position, string problem, bool truncated = false)
    {
        warnings.Add(new(position, problem, truncated ? WarningKinds.Truncated : WarningKinds.Other));
        return End();
    }

    private BlktraceRecord? End()
    {
        _finished = true;
        return null;
    }
}
