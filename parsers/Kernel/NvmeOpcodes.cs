namespace Swiotlb.Trace.Kernel;

/// <summary>NVMe opcodes by the names the kernel's nvme trace prints (<c>nvme_cmd_*</c>, <c>nvme_admin_*</c>, <c>nvme_fabrics_type_*</c>).</summary>
public static class NvmeOpcodes
{
    private static readonly Dictionary<string, byte> ByName = new()
    {
        ["nvme_cmd_flush"] = 0x00, ["nvme_cmd_write"] = 0x01, ["nvme_cmd_read"] = 0x02, ["nvme_cmd_write_uncor"] = 0x04,
        ["nvme_cmd_compare"] = 0x05, ["nvme_cmd_write_zeroes"] = 0x08, ["nvme_cmd_dsm"] = 0x09, ["nvme_cmd_verify"] = 0x0c,
        ["nvme_cmd_resv_register"] = 0x0d, ["nvme_cmd_resv_report"] = 0x0e, ["nvme_cmd_resv_acquire"] = 0x11,
        ["nvme_cmd_resv_release"] = 0x15, ["nvme_cmd_copy"] = 0x19, ["nvme_cmd_zone_mgmt_send"] = 0x79,
        ["nvme_cmd_zone_mgmt_recv"] = 0x7a, ["nvme_cmd_zone_append"] = 0x7d,
        ["nvme_admin_delete_sq"] = 0x00, ["nvme_admin_create_sq"] = 0x01, ["nvme_admin_get_log_page"] = 0x02,
        ["nvme_admin_delete_cq"] = 0x04, ["nvme_admin_create_cq"] = 0x05, ["nvme_admin_identify"] = 0x06,
        ["nvme_admin_abort_cmd"] = 0x08, ["nvme_admin_set_features"] = 0x09, ["nvme_admin_get_features"] = 0x0a,
        ["nvme_admin_async_event"] = 0x0c, ["nvme_admin_ns_mgmt"] = 0x0d, ["nvme_admin_activate_fw"] = 0x10,
        ["nvme_admin_download_fw"] = 0x11, ["nvme_admin_dev_self_test"] = 0x14, ["nvme_admin_ns_attach"] = 0x15,
        ["nvme_admin_keep_alive"] = 0x18, ["nvme_admin_directive_send"] = 0x19, ["nvme_admin_directive_recv"] = 0x1a,
        ["nvme_admin_virtual_mgmt"] = 0x1c, ["nvme_admin_nvme_mi_send"] = 0x1d, ["nvme_admin_nvme_mi_recv"] = 0x1e,
        ["nvme_admin_dbbuf"] = 0x7c, ["nvme_admin_format_nvm"] = 0x80, ["nvme_admin_security_send"] = 0x81,
        ["nvme_admin_security_recv"] = 0x82, ["nvme_admin_sanitize_nvm"] = 0x84, ["nvme_admin_get_lba_status"] = 0x86,
        ["nvme_fabrics_command"] = 0x7f,
    };

    private static readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> Lookup = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGet(ReadOnlySpan<char> name, out byte opcode) => Lookup.TryGetValue(name, out opcode);

    /// <summary>I/O commands whose cdw10–12 hold a starting LBA and a 0-based block count.</summary>
    public static bool CarriesBlockRange(byte opcode) => opcode is 0x01 or 0x02 or 0x04 or 0x05 or 0x08 or 0x0c or 0x7d;
}
