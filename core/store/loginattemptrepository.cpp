#include "loginattemptrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

namespace {
QString windowStart(qint64 windowSeconds)
{
    return sql::timeText(QDateTime::currentDateTimeUtc().addSecs(-windowSeconds)).toString();
}
} // namespace

LoginAttemptRepository::State LoginAttemptRepository::get(Database& db, const QString& subject,
                                                          qint64 windowSeconds)
{
    State s;
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT failures, first_failure_at, locked_until FROM login_attempts WHERE subject = :s"));
    q.bindValue(QStringLiteral(":s"), subject);
    if (!Database::exec(q).ok() || !q.next())
        return s;
    s.lockedUntil = sql::timeFrom(q.value(2));
    // Timestamps share one text format, so text order is time order.
    if (q.value(1).toString() >= windowStart(windowSeconds))
        s.failures = q.value(0).toInt();
    return s;
}

int LoginAttemptRepository::addFailure(Database& db, const QString& subject, qint64 windowSeconds)
{
    const QString now = Database::now();
    // Within the window: add one in place. Otherwise (no row, or an old one) start at 1.
    QSqlQuery up = db.prepare(
        QStringLiteral("UPDATE login_attempts SET failures = failures + 1 WHERE subject = :s AND "
                       "first_failure_at >= :w"));
    up.bindValue(QStringLiteral(":s"), subject);
    up.bindValue(QStringLiteral(":w"), windowStart(windowSeconds));
    if (Database::exec(up).ok() && up.numRowsAffected() == 0) {
        QSqlQuery ins = db.prepare(QStringLiteral(
            "INSERT INTO login_attempts (subject, failures, first_failure_at, locked_until) "
            "VALUES (:s, 1, :n, NULL) ON CONFLICT (subject) DO UPDATE SET failures = 1, "
            "first_failure_at = :n2"));
        ins.bindValue(QStringLiteral(":s"), subject);
        ins.bindValue(QStringLiteral(":n"), now);
        ins.bindValue(QStringLiteral(":n2"), now);
        Database::exec(ins);
    }
    return get(db, subject, windowSeconds).failures;
}

Status LoginAttemptRepository::lock(Database& db, const QString& subject, const QDateTime& until)
{
    QSqlQuery q = db.prepare(
        QStringLiteral("UPDATE login_attempts SET locked_until = :u WHERE subject = :s"));
    q.bindValue(QStringLiteral(":u"), sql::timeText(until));
    q.bindValue(QStringLiteral(":s"), subject);
    return Database::exec(q);
}

Status LoginAttemptRepository::clear(Database& db, const QString& subject)
{
    QSqlQuery q = db.prepare(QStringLiteral("DELETE FROM login_attempts WHERE subject = :s"));
    q.bindValue(QStringLiteral(":s"), subject);
    return Database::exec(q);
}

} // namespace dpp::store
