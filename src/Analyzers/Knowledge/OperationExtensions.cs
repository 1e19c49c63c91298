namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;

    internal static class OperationExtensions
    {
        /// <summary>The operand under implicit conversions (boxing to object, string to object, ...).</summary>
        public static IOperation WalkDownImplicitConversions(this IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        public static bool TryGetConstantString(this IOperation operation, out string value)
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                value = text;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
