// dppctl user add: the operator's way to create login users (platform admins included),
// run as a real process on a real store (SQLite, then PostgreSQL when DPP_TEST_PG_URL is set).
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <passport/passwordhash.h>
#include <store/credentialrepository.h>

using namespace dpp;

class TestDppctlUser : public QObject
{
    Q_OBJECT
public:
    explicit TestDppctlUser(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_db;

    test::ProcessResult ctl(QStringList args, const QByteArray& stdinData = {})
    {
        args.prepend(m_db);
        args.prepend(QStringLiteral("--db"));
        return test::runTool(QStringLiteral("dppctl"), args, stdinData);
    }

private Q_SLOTS:
    void init()
    {
        QString why;
        m_db = m_test.create(&why);
        if (m_db.isEmpty())
            QSKIP(qPrintable(why));
    }
    void cleanup() { m_test.drop(); }

    void addPlatformAdmin()
    {
        QCOMPARE(ctl({"tenant", "create", "Operator"}).exitCode, 0);
        const auto r = ctl({"user", "add", "--tenant", "Operator", "--email", "Ops@Host.example",
                            "--role", "platform_admin"},
                           "s3cret-enough\n");
        QCOMPARE(r.exitCode, 0);
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out.value(u"role").toString(), QStringLiteral("platform_admin"));
        QCOMPARE(out.value(u"email").toString(), QStringLiteral("ops@host.example"));
        QVERIFY(!r.out.contains("s3cret"));

        auto db = store::Database::open(m_db);
        QVERIFY(db.ok());
        const auto account =
            store::CredentialRepository::findByEmail(**db, QStringLiteral("ops@host.example"));
        QVERIFY(account);
        QCOMPARE(account->role, QStringLiteral("platform_admin"));
        QVERIFY(
            passport::PasswordHash::verify(account->passwordHash, QStringLiteral("s3cret-enough")));
        QVERIFY(!passport::PasswordHash::verify(account->passwordHash, QStringLiteral("wrong")));
    }

    void rejectsBadInput()
    {
        QCOMPARE(ctl({"tenant", "create", "Acme"}).exitCode, 0);
        const auto param = [](const test::ProcessResult& r) {
            return QJsonDocument::fromJson(r.out)
                .object()
                .value(u"error")
                .toObject()
                .value(u"param")
                .toString();
        };
        const auto shortPw = ctl(
            {"user", "add", "--tenant", "Acme", "--email", "a@acme.example", "--role", "supplier"},
            "short\n");
        QCOMPARE(shortPw.exitCode, 1);
        QCOMPARE(param(shortPw), QStringLiteral("password"));
        // --supplier must name a supplier of the tenant.
        const auto noSupplier = ctl({"user", "add", "--tenant", "Acme", "--email", "s@acme.example",
                                     "--role", "supplier", "--supplier", "nope"},
                                    "long enough\n");
        QCOMPARE(noSupplier.exitCode, 1);
        QCOMPARE(param(noSupplier), QStringLiteral("supplier_id"));
        const auto badRole =
            ctl({"user", "add", "--tenant", "Acme", "--email", "a@acme.example", "--role", "king"},
                "long enough\n");
        QCOMPARE(badRole.exitCode, 1);
        QCOMPARE(param(badRole), QStringLiteral("role"));
        QCOMPARE(ctl({"user", "add", "--tenant", "Acme", "--email", "a@acme.example", "--role",
                      "supplier"},
                     "long enough\n")
                     .exitCode,
                 0);
        const auto dup = ctl({"user", "add", "--tenant", "Acme", "--email", "A@acme.example",
                              "--role", "retail_partner"},
                             "long enough\n");
        QCOMPARE(dup.exitCode, 1);
        QCOMPARE(param(dup), QStringLiteral("email"));
        QCOMPARE(ctl({"user", "add", "--tenant", "Acme", "--role", "supplier"}).exitCode, 2);
        QCOMPARE(ctl({"user", "add", "--tenant", "Nobody", "--email", "n@x.example", "--role",
                      "supplier"},
                     "long enough\n")
                     .exitCode,
                 1);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestDppctlUser>(argc, argv);
}

#include "tst_dppctl_user.moc"
