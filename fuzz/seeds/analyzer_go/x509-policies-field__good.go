// gocompat: from=1.23 to=1.24
package main

import (
	"crypto/x509"
	"encoding/asn1"
	"math/big"
)

func template() (*x509.Certificate, error) {
	dv, err := x509.OIDFromInts([]uint64{2, 23, 140, 1, 2, 1})
	if err != nil {
		return nil, err
	}
	return &x509.Certificate{
		SerialNumber:      big.NewInt(1),
		PolicyIdentifiers: []asn1.ObjectIdentifier{{2, 23, 140, 1, 2, 1}},
		Policies:          []x509.OID{dv},
	}, nil
}
