module github.com/sunco-sdk/sunco-go/gen/mingo

go 1.25.0
