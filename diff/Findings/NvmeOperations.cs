namespace Swiotlb.Trace.Diff.Findings;

/// <summary>Short names of the NVMe I/O opcodes a report shows.</summary>
public static class NvmeOperations
{
    public static string Name(byte opcode) => opcode switch
    {
        0x00 => "flush",
        0x01 => "write",
        0x02 => "read",
        0x04 => "write uncorrectable",
        0x05 => "compare",
        0x08 => "write zeroes",
        0x09 => "dataset management",
        0x0c => "verify",
        0x7d => "zone append",
        _ => $"opcode 0x{opcode:x2}",
    };
}
