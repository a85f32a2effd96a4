using QRCoder;

namespace Crm.Identity.Services;

/// <summary>QR codes drawn server-side as SVG (QRCoder), so the browser shows an image and needs no encoder of its own.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        // A viewBox rather than fixed pixels: the page sizes it.
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
