// NutritionEnergy: the energy value of a food or drink computed from its
// nutrients with the conversion factors of Regulation (EU) 1169/2011 Annex XIV
// (fat 37 kJ/g, carbohydrate 17, protein 17, alcohol 29), and the check that a
// declared energy agrees with it. The wine e-label editor shows the result; the
// rule lives here so the CLI and the API can apply the same one.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace dpp::passport {

class NutritionEnergy
{
public:
    // Ethanol density (g/ml) at 20 °C: converts % vol to grams per 100 ml.
    static constexpr double kEthanolDensity = 0.789;

    // Energy per 100 g/ml in kJ and kcal from grams of each nutrient.
    struct Energy
    {
        double kj = 0;
        double kcal = 0;
    };
    static Energy fromNutrients(double fatG, double carbohydrateG, double proteinG,
                                double alcoholG);

    // From a wine e-label: nutrition {fat, carbohydrate, protein} per 100 ml and
    // alcoholPct (% vol). Missing nutrients count as 0; nullopt when none of the
    // four is given (nothing to compute from).
    static std::optional<Energy> fromWineLabel(const QJsonObject& wineLabel);

    // Decision: a declared value may differ from the computed one by
    // max(10 kJ, 10 %) before we warn. Rounding on labels (whole kJ, one decimal
    // for grams) and the EU tolerance guidance for nutrition declarations both
    // allow a deviation of this order; a larger one means a typo.
    static bool withinTolerance(double declaredKj, double computedKj);

    // A warning for the declared energyKj of a wine e-label, or empty when it
    // agrees with the nutrients (or cannot be checked).
    static QString warning(const QJsonObject& wineLabel);
};

} // namespace dpp::passport
