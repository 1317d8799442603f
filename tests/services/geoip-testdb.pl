#!/usr/bin/perl
# Writes a small GeoIP2-City-shaped MaxMind DB for the scan analytics tests, with
# Debian's libmaxmind-db-writer-perl. Loopback and documentation ranges are mapped on
# purpose (reserved networks kept) because every test client is 127.0.0.1:
#   127.0.0.1/32     DE, Bavaria, Munich
#   192.0.2.0/24     FR, Île-de-France, Paris
#   198.51.100.0/24  SK (country only)
#   2001:db8::/32    AT, Vienna, Vienna
# Usage: geoip-testdb.pl OUT.mmdb
use strict;
use warnings;
use MaxMind::DB::Writer::Tree;

my $out = shift or die "usage: $0 OUT.mmdb\n";

my %types = (
    city         => 'map',
    country      => 'map',
    subdivisions => [ 'array', 'map' ],
    names        => 'map',
    en           => 'utf8_string',
    iso_code     => 'utf8_string',
    geoname_id   => 'uint32',
);

my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version               => 6,
    record_size              => 28,
    database_type            => 'GeoIP2-City',
    languages                => ['en'],
    description              => { en => 'DPP Studio test GeoIP database' },
    map_key_type_callback    => sub { $types{ $_[0] } },
    remove_reserved_networks => 0,
    alias_ipv6_to_ipv4       => 1,
);

sub place {
    my ( $cc, $country, $region, $city ) = @_;
    my %r = ( country => { iso_code => $cc, names => { en => $country } } );
    $r{subdivisions} = [ { names => { en => $region } } ] if $region;
    $r{city} = { names => { en => $city } } if $city;
    return \%r;
}

$tree->insert_network( '127.0.0.1/32',    place( 'DE', 'Germany',  'Bavaria',       'Munich' ) );
$tree->insert_network( '192.0.2.0/24',    place( 'FR', 'France',   "\x{ce}le-de-France", 'Paris' ) );
$tree->insert_network( '198.51.100.0/24', place( 'SK', 'Slovakia' ) );
$tree->insert_network( '2001:db8::/32',   place( 'AT', 'Austria',  'Vienna',        'Vienna' ) );

open my $fh, '>:raw', $out or die "cannot write $out: $!\n";
$tree->write_tree($fh);
close $fh or die "cannot write $out: $!\n";
