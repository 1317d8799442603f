#include "nutritionenergy.h"

#include <cmath>

namespace dpp::passport {

NutritionEnergy::Energy NutritionEnergy::fromNutrients(double fatG, double carbohydrateG,
                                                       double proteinG, double alcoholG)
{
    Energy e;
    e.kj = fatG * 37 + carbohydrateG * 17 + proteinG * 17 + alcoholG * 29;
    e.kcal = fatG * 9 + carbohydrateG * 4 + proteinG * 4 + alcoholG * 7;
    return e;
}

std::optional<NutritionEnergy::Energy> NutritionEnergy::fromWineLabel(const QJsonObject& wineLabel)
{
    const QJsonObject n = wineLabel.value(QStringLiteral("nutrition")).toObject();
    const QJsonValue fat = n.value(QStringLiteral("fat"));
    const QJsonValue carbs = n.value(QStringLiteral("carbohydrate"));
    const QJsonValue protein = n.value(QStringLiteral("protein"));
    const QJsonValue alcohol = wineLabel.value(QStringLiteral("alcoholPct"));
    if (!fat.isDouble() && !carbs.isDouble() && !protein.isDouble() && !alcohol.isDouble())
        return std::nullopt;
    return fromNutrients(fat.toDouble(), carbs.toDouble(), protein.toDouble(),
                         alcohol.toDouble() * kEthanolDensity);
}

bool NutritionEnergy::withinTolerance(double declaredKj, double computedKj)
{
    return std::abs(declaredKj - computedKj) <= std::max(10.0, computedKj * 0.10);
}

QString NutritionEnergy::warning(const QJsonObject& wineLabel)
{
    const QJsonValue declared =
        wineLabel.value(QStringLiteral("nutrition")).toObject().value(QStringLiteral("energyKj"));
    const auto computed = fromWineLabel(wineLabel);
    if (!declared.isDouble() || !computed || withinTolerance(declared.toDouble(), computed->kj))
        return {};
    return QStringLiteral("declared energy %1 kJ differs from %2 kJ computed from fat, "
                          "carbohydrate, protein and alcohol")
        .arg(declared.toDouble())
        .arg(qRound(computed->kj));
}

} // namespace dpp::passport
