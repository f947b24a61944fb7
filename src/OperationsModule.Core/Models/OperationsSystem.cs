namespace OperationsModule.Core.Models
{
    /// <summary>The enterprise systems the module talks to; the values are what -System accepts.</summary>
    public enum OperationsSystem
    {
        OLConnect,
        Onedata,
        Vcf,
        BigChange,
    }
}
